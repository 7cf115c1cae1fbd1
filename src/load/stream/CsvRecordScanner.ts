import { SurveyError } from "../../errors";

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Records found in one stretch of bytes, stored column by column so a consumer can walk one
 * column down many records in order. For record `r` and kept field number `k < fields` (the
 * k-th of the scanner's `keep`, or field k itself without it), the field's raw text (quotes
 * included, line ending excluded) is `bytes[bounds[i], bounds[i + 1])` with
 * `i = 2 * (k * capacity + r)`.
 */
export interface RecordBatch {
  /** Records in the batch. */
  count: number;
  /** Records a batch holds at most. */
  capacity: number;
  /** Fields with bounds per record (the kept fields). */
  fields: number;
  bounds: Int32Array;
  /** True number of fields of each record (a record with another count than the header is ragged). */
  fieldCounts: Int32Array;
  /** Byte offsets of each record's start and end (line ending excluded), to re-read a ragged record whole. */
  extents: Int32Array;
  /** Line breaks outside quotes before each record, from the scanner's `linesBefore` on: its spreadsheet row is this + 1. */
  linesBefore: Int32Array;
}

/** A batch with room for `capacity` records of `fields` field bounds each, holding none yet. */
export function emptyRecordBatch(capacity: number, fields: number): RecordBatch {
  return {
    count: 0,
    capacity,
    fields,
    bounds: new Int32Array(capacity * fields * 2),
    fieldCounts: new Int32Array(capacity),
    extents: new Int32Array(capacity * 2),
    linesBefore: new Int32Array(capacity),
  };
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
  /** Fields whose bounds are kept per record: fields 0 … fields − 1 (default 64). */
  fields?: number;
  /**
   * Instead of `fields`: the field numbers whose bounds are kept, in the order of their place in
   * `bounds`, so a wide file whose reader needs a few columns costs memory for those alone.
   */
  keep?: readonly number[];
  /** Records per batch (default 4096). */
  batchSize?: number;
  initialBufferSize?: number;
  /** Line breaks before the stream's first byte (the header, for a stream that starts after it). */
  linesBefore?: number;
  /**
   * Also skip records whose every field is blank (white space, or a line of bare delimiters), as
   * both reading paths do; by default only empty lines (and a lone `""`) are, as papaparse's
   * `skipEmptyLines` does.
   */
  skipBlankRecords?: boolean;
  /** Column names and the decoder, so an unterminated quote names its column and the start of its text. */
  describe?: { names: readonly string[]; decoder: TextDecoder };
}

/** Characters of an unterminated quoted field shown in its message (as papaparse showed it). */
const SHOWN_QUOTED_LENGTH = 40;

/**
 * The CSV scanner of both reading paths (the in-memory table and the stream), over bytes: it
 * finds record and field boundaries without building a string per cell, so a caller can look
 * each raw field up in a dictionary and decode only the values it has not seen. Records split
 * across chunks are carried over whole, so a multi-byte character is never cut.
 *
 * The rules, in one place:
 * - A line break outside quotes ends a record: CRLF, LF or a lone CR (old Mac Excel), each one
 *   line break, whatever mix a file has. Inside quotes, line breaks are part of the field.
 * - A quote opens a quoted field only as the field's first byte; in it `""` is a quote, and the
 *   next lone quote closes it. A quote anywhere else is an ordinary character.
 * - An empty line is skipped but counted as a row, as a spreadsheet shows it; with
 *   `skipBlankRecords` (both reading paths), so is a record whose every field is empty or white
 *   space, quoted or not (a line of bare delimiters).
 */
export class CsvRecordScanner {
  private buffer: Uint8Array;
  private length = 0;
  private lines: number;
  private readonly firstLine: number;
  private readonly batch: RecordBatch;
  /** Per field number: where its bounds start in `bounds` (2 × place × capacity), or -1 when not kept. */
  private readonly boundsAt: Int32Array;
  private readonly describe: ScannerOptions["describe"];
  private readonly skipBlankRecords: boolean;
  /**
   * Stream offset of the first byte of the buffer a batch handler is given: a record's extent
   * plus this is its offset from the start of the bytes pushed.
   */
  bufferOffset = 0;
  /** Where the quote left open by the last scan is: its field, and its offset in the record. */
  private openQuote: { field: number; offset: number } | undefined;

  constructor(
    private readonly delimiter: number,
    private readonly onBatch: BatchHandler,
    { fields = 64, keep, batchSize = 4096, initialBufferSize = 1 << 20, linesBefore = 0, describe, skipBlankRecords = false }: ScannerOptions = {},
  ) {
    const kept = keep ?? Array.from({ length: fields }, (_, field) => field);
    this.boundsAt = new Int32Array(kept.reduce((span, field) => Math.max(span, field + 1), 0)).fill(-1);
    kept.forEach((field, place) => (this.boundsAt[field] = 2 * place * batchSize));
    this.skipBlankRecords = skipBlankRecords;
    this.lines = this.firstLine = linesBefore;
    this.describe = describe;
    this.buffer = new Uint8Array(initialBufferSize + 1);
    this.batch = emptyRecordBatch(batchSize, kept.length);
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
    this.bufferOffset += consumed;
  }

  /**
   * Ends the stream: a last record without a line ending is delivered. With `allowOpenQuote`
   * false, an unterminated quote is an `E_CSV_PARSE` error; with true (a part of a file split
   * for parallel scanning) it is reported in `endedInQuotes` and the last record is dropped.
   */
  finish({ allowOpenQuote = false }: { allowOpenQuote?: boolean } = {}): ScanEnd {
    const consumed = this.scan(true);
    const endedInQuotes = consumed < this.length;
    if (endedInQuotes && !allowOpenQuote) throw this.unterminatedQuote(consumed);
    this.length = 0;
    return { lineBreaks: this.lines - this.firstLine, endedInQuotes };
  }

  /**
   * An `E_CSV_PARSE` for the quote left open at the end of the stream, in the record starting at
   * `recordStart`: its spreadsheet row, and with `describe`, its column and the start of its text.
   */
  private unterminatedQuote(recordStart: number): SurveyError {
    const row = this.lines + 1;
    const reason = "unterminated quoted field at the end of the file; every quote that opens a field must close it";
    const { describe, openQuote } = this;
    if (!describe || !openQuote) return new SurveyError("E_CSV_PARSE", reason, { row });
    const column = describe.names[openQuote.field];
    const text = describe.decoder.decode(this.buffer.subarray(recordStart + openQuote.offset + 1, this.length));
    return new SurveyError("E_CSV_PARSE", reason, { row, ...(column === undefined ? {} : { column }), value: text.length > SHOWN_QUOTED_LENGTH ? `${text.slice(0, SHOWN_QUOTED_LENGTH)}…` : text });
  }

  /** Delivers every complete record of the buffer, in batches; returns where the unfinished one starts. */
  private scan(atEnd: boolean): number {
    const end = this.length;
    const bytes = this.buffer;
    // A quote just past the data stops both inner loops below without a bounds test per byte.
    bytes[end] = QUOTE;
    const batch = this.batch;
    const bounds = batch.bounds;
    const boundsAt = this.boundsAt;
    const keptSpan = boundsAt.length;
    const delimiter = this.delimiter;
    // Bytes above all three special bytes (most letters and digits) need one comparison.
    const plain = Math.max(delimiter, LF, QUOTE);
    let recordStart = 0;
    let fieldStart = 0;
    let field = 0;
    /** The record's place in the batch, times two. */
    let record = 2 * batch.count;
    let open = false;
    let i = 0;
    while (i < end) {
      let c = bytes[i] as number;
      while (c > plain) c = bytes[++i] as number;
      if (i >= end) break;
      if (c === delimiter) {
        const at = field < keptSpan ? (boundsAt[field] as number) : -1;
        if (at >= 0) {
          bounds[at + record] = fieldStart;
          bounds[at + record + 1] = i;
        }
        field += 1;
        fieldStart = ++i;
      } else if (c === LF || c === CR) {
        // A CR as the last byte may be the first half of a CRLF split between chunks: wait.
        if (c === CR && i + 1 === end && !atEnd) break;
        if (!this.isSkipped(bytes, recordStart, i)) {
          const at = field < keptSpan ? (boundsAt[field] as number) : -1;
          if (at >= 0) {
            bounds[at + record] = fieldStart;
            bounds[at + record + 1] = i;
          }
          this.addRecord(bytes, field + 1, recordStart, i);
        }
        record = 2 * batch.count;
        this.lines += 1;
        i += c === CR && i + 1 < end && bytes[i + 1] === LF ? 2 : 1;
        recordStart = fieldStart = i;
        field = 0;
      } else if (c === QUOTE && i === fieldStart) {
        const closing = closingQuote(bytes, i + 1, end, atEnd);
        if (closing < 0) {
          open = true;
          this.openQuote = { field, offset: i - recordStart };
          break;
        }
        i = closing + 1;
      } else {
        i += 1;
      }
    }
    if (atEnd && !open && recordStart < end) {
      if (!this.isSkipped(bytes, recordStart, end)) {
        const at = field < keptSpan ? (boundsAt[field] as number) : -1;
        if (at >= 0) {
          bounds[at + record] = fieldStart;
          bounds[at + record + 1] = end;
        }
        this.addRecord(bytes, field + 1, recordStart, end);
      }
      recordStart = end;
    }
    this.deliver(bytes);
    return recordStart;
  }

  /** Whether the record `bytes[start, end)` is skipped as blank. */
  private isSkipped(bytes: Uint8Array, start: number, end: number): boolean {
    if (this.skipBlankRecords) return isBlankRecord(bytes, start, end, this.delimiter);
    return end === start || (end === start + 2 && bytes[start] === QUOTE && bytes[start + 1] === QUOTE);
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

/** JavaScript's `trim()` white space among ASCII bytes: tab, LF, VT, FF, CR, space. */
function isSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

/**
 * Whether the record `bytes[start, end)` is blank: every field, once a quoted field's quotes are
 * removed, is empty or white space. Stops at the first byte that is not, so a record with an
 * answer in its first field costs one comparison.
 */
function isBlankRecord(bytes: Uint8Array, start: number, end: number, delimiter: number): boolean {
  let i = start;
  while (i <= end) {
    if (i < end && bytes[i] === QUOTE) {
      // A quoted field is blank when white space alone sits between its quotes and it ends there.
      let j = i + 1;
      while (j < end && bytes[j] !== QUOTE) {
        if (!isSpace(bytes[j] as number)) return false;
        j++;
      }
      if (j >= end) return false;
      j++; // past the closing quote (a "" escape is a quote character: not blank)
      if (j < end && bytes[j] !== delimiter) return false;
      i = j + 1;
    } else {
      while (i < end && bytes[i] !== delimiter) {
        if (!isSpace(bytes[i] as number)) return false;
        i++;
      }
      i++;
    }
  }
  return true;
}
