import { SurveyError } from "../../errors";
import { decodeRecord } from "./decodeRecord";
import { sniffDelimiter } from "../sniffDelimiter";

const LF = 10;
const QUOTE = 34;
/** How much of the file's start the delimiter is sniffed from (its first records, as `parseCsv` does). */
const SNIFF_BYTES = 64 * 1024;

/** A CSV file's header record and where the answer records start. */
export interface CsvHeader {
  /** Column names, trimmed, BOM removed. */
  names: string[];
  /** The field delimiter (given, or sniffed from the header line). */
  delimiter: string;
  /** Byte offset of the first answer record. */
  dataStart: number;
  /** Line breaks before `dataStart` (the header line and any blank lines before it). */
  lines: number;
}

/**
 * Reads the header record at the start of a file's first bytes: the first non-blank line,
 * whose end is found with quote parity (a quoted header name may hold a line break). Returns
 * undefined when `bytes` does not yet hold the whole header record (read more and retry).
 */
export function readHeader(bytes: Uint8Array, decoder: TextDecoder, given?: string): CsvHeader | undefined {
  const delimiter = given ?? sniffDelimiter(decoder.decode(bytes.subarray(0, lastLineEnd(bytes, SNIFF_BYTES))));
  let lines = 0;
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (c === LF && !inQuotes) {
      lines += 1;
      const record = bytes.subarray(start, i + 1);
      const header = decodeHeader(record, decoder, delimiter);
      if (header) return { ...header, dataStart: i + 1, lines };
      start = i + 1;
    }
  }
  return undefined;
}

/** Decodes a whole file's header when the file has a single line and no line break. */
export function readHeaderOnly(bytes: Uint8Array, decoder: TextDecoder, delimiter?: string): CsvHeader {
  const header = decodeHeader(bytes, decoder, delimiter);
  if (!header) throw new SurveyError("E_EMPTY_FILE", "the file has no header row");
  return { ...header, dataStart: bytes.length, lines: 0 };
}

/** End of the last whole line within the first `limit` bytes (the whole sample when it has none). */
function lastLineEnd(bytes: Uint8Array, limit: number): number {
  const end = Math.min(bytes.length, limit);
  const lastBreak = bytes.lastIndexOf(LF, end - 1);
  return lastBreak >= 0 ? lastBreak + 1 : end;
}

function decodeHeader(record: Uint8Array, decoder: TextDecoder, delimiter?: string): Omit<CsvHeader, "dataStart" | "lines"> | undefined {
  const chosen = delimiter ?? sniffDelimiter(decoder.decode(record));
  const fields = decodeRecord(record, chosen, decoder);
  return fields && { names: fields.map((name) => name.replace(/^\uFEFF/, "").trim()), delimiter: chosen };
}
