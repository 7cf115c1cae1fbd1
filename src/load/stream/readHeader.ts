import { SurveyError } from "../../errors";
import { isQualtricsHeaderRows } from "../exportFormats";
import { sniffDelimiter } from "../sniffDelimiter";
import { startsWithUtf8Bom } from "../startsWithUtf8Bom";
import { CsvRecordScanner } from "./CsvRecordScanner";
import { decodeRecord } from "./decodeRecord";

const LF = 10;
const CR = 13;
/** How much of the file's start the delimiter is sniffed from (its first records). */
const SNIFF_BYTES = 64 * 1024;

/** A CSV file's header record and where the answer records start. */
export interface CsvHeader {
  /** Column names, trimmed, BOM removed. */
  names: string[];
  /** The field delimiter (given, or sniffed from the first records). */
  delimiter: string;
  /** Byte offset of the first answer record. */
  dataStart: number;
  /** Line breaks before `dataStart` (the header rows and any blank lines before them). */
  lines: number;
  /** Set when the header is a Qualtrics export's three rows (names, question texts, ImportIds). */
  qualtrics?: { labels: string[] };
}

export interface ReadHeaderOptions {
  /** Whether `bytes` run to the end of the file (else a header that may go on returns undefined). */
  atEnd?: boolean;
  /** Recognise a Qualtrics export's two extra header rows from their full shape (default true). */
  detectExport?: boolean;
}

/**
 * Reads the header at the start of a file's first bytes, for both reading paths: the first
 * non-blank record (found by `CsvRecordScanner`, so its line-ending and blank-line rules hold)
 * and, when the two records after it have the shape of a Qualtrics export's question-text and
 * ImportId rows (`isQualtricsHeaderRows`), those too. Returns undefined when `bytes` do not yet
 * hold enough records to tell (read more and retry, or pass `atEnd`). A file with no non-blank
 * record is an `E_EMPTY_FILE`.
 */
export function readHeader(bytes: Uint8Array, decoder: TextDecoder, given?: string, options: ReadHeaderOptions = {}): CsvHeader | undefined {
  const { atEnd = false, detectExport = true } = options;
  const delimiter = given ?? sniffDelimiterOf(bytes, decoder);
  const wanted = detectExport ? 3 : 1;
  const { records, openQuoteRow } = firstRecords(bytes, delimiter, wanted, atEnd);
  const [first, texts, importIds] = records;
  if (!first) {
    if (!atEnd) return undefined;
    if (openQuoteRow !== undefined) {
      throw new SurveyError("E_CSV_PARSE", "unterminated quoted field in the header; every quote that opens a field must close it", { row: openQuoteRow });
    }
    const blank = bytes.every((byte) => byte === 32 || (byte >= 9 && byte <= 13));
    throw new SurveyError("E_EMPTY_FILE", blank ? "the file is empty" : "the file has no header row");
  }
  if (records.length < wanted && !atEnd) return undefined;
  const field = (record: RecordExtent) => decodeRecord(bytes.subarray(record.start, record.end), delimiter, decoder) ?? [];
  const names = field(first).map((name) => name.replace(/^\uFEFF/, "").trim());
  if (texts && importIds) {
    const labels = field(texts);
    if (isQualtricsHeaderRows(names, labels, field(importIds))) {
      return { names, delimiter, ...after(bytes, importIds), qualtrics: { labels: labels.map((label) => label.trim()) } };
    }
  }
  return { names, delimiter, ...after(bytes, first) };
}

/** The delimiter sniffed from the whole lines of a file's first `SNIFF_BYTES` (shared by both paths). */
export function sniffDelimiterOf(bytes: Uint8Array, decoder: TextDecoder): string {
  const limit = Math.min(bytes.length, SNIFF_BYTES);
  let end = limit;
  if (limit < bytes.length) {
    while (end > 0 && bytes[end - 1] !== LF && bytes[end - 1] !== CR) end--;
    if (end === 0) end = limit;
  }
  // Not fatal: a window may cut a character, and the sniffer only looks at delimiters and quotes.
  return sniffDelimiter(new TextDecoder(decoder.encoding).decode(bytes.subarray(0, end)));
}

interface RecordExtent {
  start: number;
  end: number;
  linesBefore: number;
}

/**
 * The first `count` non-blank records of `bytes` (fewer when the bytes hold fewer complete ones),
 * and at the end of the file, the row of a quote left open (the records' scanner reports it).
 */
function firstRecords(bytes: Uint8Array, delimiter: string, count: number, atEnd: boolean): { records: RecordExtent[]; openQuoteRow?: number } {
  const records: RecordExtent[] = [];
  // A UTF-8 byte order mark is no part of the first field (which may be quoted).
  const bom = startsWithUtf8Bom(bytes) ? 3 : 0;
  const scanner = new CsvRecordScanner(
    delimiter.charCodeAt(0),
    (_, batch) => {
      const base = bom + scanner.bufferOffset;
      for (let r = 0; r < batch.count && records.length < count; r++) {
        records.push({ start: base + (batch.extents[2 * r] as number), end: base + (batch.extents[2 * r + 1] as number), linesBefore: batch.linesBefore[r] as number });
      }
    },
    { fields: 1, batchSize: count, initialBufferSize: bytes.length, skipBlankRecords: true },
  );
  scanner.push(bytes.subarray(bom));
  if (!atEnd) return { records };
  const end = scanner.finish({ allowOpenQuote: true });
  return end.endedInQuotes ? { records, openQuoteRow: end.lineBreaks + 1 } : { records };
}

/** Where the records after `record` start, and the line breaks before that. */
function after(bytes: Uint8Array, record: RecordExtent): { dataStart: number; lines: number } {
  const { end, linesBefore } = record;
  if (end >= bytes.length) return { dataStart: end, lines: linesBefore };
  return { dataStart: end + (bytes[end] === CR && bytes[end + 1] === LF ? 2 : 1), lines: linesBefore + 1 };
}
