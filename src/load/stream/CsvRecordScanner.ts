import { SurveyError } from "../../errors";

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Records found in one stretch of bytes, stored column by column so a consumer can walk one
 * column down many records in order. For record `r` and field `f < fields`, the field's raw
 * text (quotes included, line ending excluded) is `bytes[bounds[i], bounds[i + 1])` with
 * `i = 2 * (f * capacity + r)`.
 */
export interface RecordBatch {
  /** Records in the batch. */
  count: number;
  /** Records a batch holds at most. */
  capacity: number;
  /** Fields with bounds per record (the header's width, plus one to tell longer records). */
  fields: number;
  bounds: Int32Array;
  /** True number of fields of each record (a record with another count than the header is ragged). */
  fieldCounts: Int32Array;
  /** Byte offsets of each record's start and end (line ending excluded), to re-read a ragged record whole. */
  extents: Int32Array;
  /** Line breaks outside quotes before each record, from the scanner's `linesBefore` on: its spreadsheet row is this + 1. */
  linesBefore: Int32Array;
}

/** Receives a batch of records; `bytes` and `batch` are only valid during the call. */
export type BatchHandler = (bytes: Uint8Array, batch: RecordBatch) => void;

/** How a byte stream ended. */
export interface ScanEnd {
  /** Line breaks outside quotes in the stream (not counting `linesBefore`). */
  lineBreaks: number;
  /** Whether the stream ended inside a quoted field (an unterminated quote). */
  endedInQuotes: boolean;
}

export interface ScannerOptions {
  /** Fields whose bounds are kept per record (default 64). */
  fields?: number;
  /** Records per batch (default 4096). */
  batchSize?: number;
  initialBufferSize?: number;
  /** Line breaks before the stream's first byte (the header, for a stream that starts after it). */
  linesBefore?: number;
}

/**
 * A CSV scanner over bytes, for files far larger than memory: it finds record and field
 * boundaries (quoted fields with `""` escapes and line breaks, LF or CRLF line endings) without
 * building a string per cell, so a caller can look each raw field up in a dictionary and decode
 * only the values it has not seen. Records split across chunks are carried over whole, so a
 * multi-byte character is never cut. Blank lines are skipped but counted as rows, as papaparse's
 * `skipEmptyLines` and a spreadsheet do.
 */
export class CsvRecordScanner {
  private buffer: Uint8Array;
  private length = 0;
  private lines: number;
  private readonly firstLine: number;
  private readonly batch: RecordBatch;

  constructor(
    private readonly delimiter: number,
    private readonly onBatch: BatchHandler,
    { fields = 64, batchSize = 4096, initialBufferSize = 1 << 20, linesBefore = 0 }: ScannerOptions = {},
  ) {
    this.lines = this.firstLine = linesBefore;
    this.buffer = new Uint8Array(initialBufferSize + 1);
    this.batch = {
      count: 0,
      capacity: batchSize,
      fields,
      bounds: new Int32Array(batchSize * fields * 2),
      fieldCounts: new Int32Array(batchSize),
      extents: new Int32Array(batchSize * 2),
      linesBefore: new Int32Array(batchSize),
    };
  }

  /** Scans a chunk; a record it leaves unfinished waits for the next chunk. */
  push(chunk: Uint8Array): void {
    // One byte more than the data, for the scan's sentinel.
    if (this.length + chunk.length + 1 > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + chunk.length + 1));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
    const consumed = this.scan(false);
    this.buffer.copyWithin(0, consumed, this.length);
    this.length -= consumed;
  }

  /**
   * Ends the stream: a last record without a line ending is delivered. With `allowOpenQuote`
   * false, an unterminated quote is an `E_CSV_PARSE` error; with true (a part of a file split
   * for parallel scanning) it is reported in `endedInQuotes` and the last record is dropped.
   */
  finish({ allowOpenQuote = false }: { allowOpenQuote?: boolean } = {}): ScanEnd {
    const consumed = this.scan(true);
    const endedInQuotes = consumed < this.length;
    if (endedInQuotes && !allowOpenQuote) {
      throw new SurveyError("E_CSV_PARSE", "unterminated quoted field at the end of the file", { row: this.lines + 1 });
    }
    this.length = 0;
    return { lineBreaks: this.lines - this.firstLine, endedInQuotes };
  }

  /** Delivers every complete record of the buffer, in batches; returns where the unfinished one starts. */
  private scan(atEnd: boolean): number {
    const end = this.length;
    const bytes = this.buffer;
    // A quote just past the data stops both inner loops below without a bounds test per byte.
    bytes[end] = QUOTE;
    const batch = this.batch;
    const { bounds, fields } = batch;
    /** Distance in `bounds` from one field of a record to the next. */
    const fieldStep = 2 * batch.capacity;
    const boundsEnd = fields * fieldStep;
    const delimiter = this.delimiter;
    // Bytes above all three special bytes (most letters and digits) need one comparison.
    const plain = Math.max(delimiter, LF, QUOTE);
    let recordStart = 0;
    let fieldStart = 0;
    let field = 0;
    let slot = 2 * batch.count;
    let open = false;
    let i = 0;
    while (i < end) {
      let c = bytes[i] as number;
      while (c > plain) c = bytes[++i] as number;
      if (i >= end) break;
      if (c === delimiter) {
        if (slot < boundsEnd) {
          bounds[slot] = fieldStart;
          bounds[slot + 1] = i;
        }
        slot += fieldStep;
        field += 1;
        fieldStart = ++i;
      } else if (c === LF) {
        const fieldEnd = i > fieldStart && bytes[i - 1] === CR ? i - 1 : i;
        if (field > 0 || !isBlank(bytes, fieldStart, fieldEnd)) {
          if (slot < boundsEnd) {
            bounds[slot] = fieldStart;
            bounds[slot + 1] = fieldEnd;
          }
          this.addRecord(bytes, field + 1, recordStart, fieldEnd);
        }
        slot = 2 * batch.count;
        this.lines += 1;
        recordStart = fieldStart = ++i;
        field = 0;
      } else if (c === QUOTE && i === fieldStart) {
        const closing = closingQuote(bytes, i + 1, end, atEnd);
        if (closing < 0) {
          open = true;
          break;
        }
        i = closing + 1;
      } else {
        i += 1;
      }
    }
    if (atEnd && !open && recordStart < end) {
      const fieldEnd = bytes[end - 1] === CR ? end - 1 : end;
      if (field > 0 || !isBlank(bytes, fieldStart, fieldEnd)) {
        if (slot < boundsEnd) {
          bounds[slot] = fieldStart;
          bounds[slot + 1] = fieldEnd;
        }
        this.addRecord(bytes, field + 1, recordStart, fieldEnd);
      }
      recordStart = end;
    }
    this.deliver(bytes);
    return recordStart;
  }

  /** Completes the batch entry whose field bounds are written; delivers a full batch. */
  private addRecord(bytes: Uint8Array, fieldCount: number, start: number, end: number): void {
    const batch = this.batch;
    const r = batch.count++;
    batch.fieldCounts[r] = fieldCount;
    batch.extents[2 * r] = start;
    batch.extents[2 * r + 1] = end;
    batch.linesBefore[r] = this.lines;
    if (batch.count === batch.fieldCounts.length) this.deliver(bytes);
  }

  private deliver(bytes: Uint8Array): void {
    if (this.batch.count === 0) return;
    this.onBatch(bytes, this.batch);
    this.batch.count = 0;
  }
}

/**
 * Offset of the quote closing a quoted field whose text starts at `from`, or -1 when it is not
 * in `bytes[0, end)` yet. A quote in the last byte closes the field only at the end of the stream: before
 * that, the next chunk may start with a second quote that makes it an escaped `""`.
 */
function closingQuote(bytes: Uint8Array, from: number, end: number, atEnd: boolean): number {
  // A plain loop (quoted survey fields are short, a native indexOf call costs more than it
  // saves), stopped at the latest by the quote the scanner puts at `bytes[end]`.
  for (let i = from; ; i += 2) {
    while (bytes[i] !== QUOTE) i++;
    if (i >= end) return -1;
    if (i + 1 === end) return atEnd ? i : -1;
    if (bytes[i + 1] !== QUOTE) return i;
  }
}

/** An empty line, or a line holding only `""`: papaparse's `skipEmptyLines` skips both. */
function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  return end === start || (end === start + 2 && bytes[start] === QUOTE && bytes[start + 1] === QUOTE);
}
