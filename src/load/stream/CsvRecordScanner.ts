import { SurveyError } from "../../errors";

const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Receives one record: `bounds[2f]` and `bounds[2f + 1]` are the byte offsets in `bytes` of
 * field `f`'s raw text (quotes included, line ending excluded). Only the first
 * `bounds.length / 2` fields have bounds; `fieldCount` is the true count, so a ragged record
 * is still recognised. `linesBefore` counts the line breaks outside quotes that precede the
 * record (from the scanner's `linesBefore` on), so its spreadsheet row is `linesBefore + 1`.
 * The views are only valid during the call.
 */
export type RecordHandler = (bytes: Uint8Array, bounds: Int32Array, fieldCount: number, linesBefore: number) => void;

/** How a byte stream ended. */
export interface ScanEnd {
  /** Line breaks outside quotes in the stream (not counting `linesBefore`). */
  lineBreaks: number;
  /** Whether the stream ended inside a quoted field (an unterminated quote). */
  endedInQuotes: boolean;
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
  private readonly bounds: Int32Array;

  constructor(
    private readonly delimiter: number,
    private readonly onRecord: RecordHandler,
    {
      maxFields = 1024,
      initialBufferSize = 1 << 20,
      linesBefore = 0,
    }: {
      maxFields?: number;
      initialBufferSize?: number;
      /** Line breaks before the stream's first byte (the header, for a stream that starts after it). */
      linesBefore?: number;
    } = {},
  ) {
    this.lines = this.firstLine = linesBefore;
    this.bounds = new Int32Array(maxFields * 2);
    this.buffer = new Uint8Array(initialBufferSize);
  }

  /** Scans a chunk; a record it leaves unfinished waits for the next chunk. */
  push(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + chunk.length));
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

  /** Delivers every complete record of the buffer; returns where the unfinished one starts. */
  private scan(atEnd: boolean): number {
    const end = this.length;
    const bytes = this.buffer.subarray(0, end);
    const bounds = this.bounds;
    const maxFields = bounds.length >> 1;
    const delimiter = this.delimiter;
    let recordStart = 0;
    let fieldStart = 0;
    let field = 0;
    let i = 0;
    while (i < end) {
      const c = bytes[i] as number;
      if (c === delimiter) {
        if (field < maxFields) {
          bounds[2 * field] = fieldStart;
          bounds[2 * field + 1] = i;
        }
        field += 1;
        fieldStart = ++i;
      } else if (c === LF) {
        const fieldEnd = i > fieldStart && bytes[i - 1] === CR ? i - 1 : i;
        this.deliver(bytes, field, fieldStart, fieldEnd);
        this.lines += 1;
        recordStart = fieldStart = ++i;
        field = 0;
      } else if (c === QUOTE && i === fieldStart) {
        const closing = closingQuote(bytes, i + 1, atEnd);
        if (closing < 0) return recordStart;
        i = closing + 1;
      } else {
        i += 1;
      }
    }
    if (atEnd && recordStart < end) {
      const fieldEnd = bytes[end - 1] === CR ? end - 1 : end;
      this.deliver(bytes, field, fieldStart, fieldEnd);
      return end;
    }
    return recordStart;
  }

  private deliver(bytes: Uint8Array, lastField: number, fieldStart: number, fieldEnd: number): void {
    if (lastField === 0 && isBlank(bytes, fieldStart, fieldEnd)) return;
    if (lastField < this.bounds.length >> 1) {
      this.bounds[2 * lastField] = fieldStart;
      this.bounds[2 * lastField + 1] = fieldEnd;
    }
    this.onRecord(bytes, this.bounds, lastField + 1, this.lines);
  }
}

/**
 * Offset of the quote closing a quoted field whose text starts at `from`, or -1 when it is not
 * in `bytes` yet. A quote in the last byte closes the field only at the end of the stream: before
 * that, the next chunk may start with a second quote that makes it an escaped `""`.
 */
function closingQuote(bytes: Uint8Array, from: number, atEnd: boolean): number {
  let i = from;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote < 0) return -1;
    if (quote + 1 === bytes.length) return atEnd ? quote : -1;
    if (bytes[quote + 1] !== QUOTE) return quote;
    i = quote + 2;
  }
}

/** An empty line, or a line holding only `""`: papaparse's `skipEmptyLines` skips both. */
function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  return end === start || (end === start + 2 && bytes[start] === QUOTE && bytes[start + 1] === QUOTE);
}
