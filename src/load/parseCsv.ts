import type { Encoding } from "./decodeBytes";
import type { ExportFormat } from "./exportFormats";
import { scanTable } from "./scanTable";

/** A parsed CSV: the header and the answer rows, each an array of raw cells. */
export interface CsvTable {
  /** The column names, from the header row. */
  header: string[];
  /** The answer rows, each with one raw cell per column. */
  rows: string[][];
  /** Spreadsheet row number (1-based, header = 1) of each entry of `rows`. */
  rowNumbers: number[];
  /** The delimiter the file was read with (given or sniffed). */
  delimiter?: string;
  /** Question texts by column, when the export carries them (Qualtrics' second header row). */
  labels?: string[];
  /** The platform the file came from, once `normalizeExport` has read it as such. */
  format?: ExportFormat;
  /** The encoding the bytes were read in (`chooseEncoding`), when the table was read from bytes. */
  encoding?: Encoding;
}

/** Options of `parseCsv`. */
export interface ParseCsvOptions {
  /** Field delimiter; sniffed among `,` `;` tab when omitted. */
  delimiter?: string;
}

/**
 * Parses CSV text into arrays — no object per row — by the rules of both reading paths
 * (`CsvRecordScanner`: quoted fields, `""` escapes, quoted line breaks, CRLF, LF or lone CR line
 * endings). Blank lines (only white space or delimiters) are skipped but still numbered, as a
 * spreadsheet shows them; an unterminated quote is an `E_CSV_PARSE` naming its row, column and the
 * start of its text, and text with nothing in it is `E_EMPTY_FILE`.
 *
 * @param text - The CSV text.
 * @param options - The delimiter (default: sniffed).
 * @returns The header, the rows of raw cells, their spreadsheet row numbers and the delimiter.
 * @throws {@link SurveyError} `E_CSV_PARSE` for an unterminated quote, `E_EMPTY_FILE` for no text.
 *
 * @example
 * ```ts
 * import { parseCsv } from "svyprop";
 *
 * // The blank line 3 is skipped but counted, as a spreadsheet numbers it.
 * parseCsv('id,answer\n1,yes\n\n2,"no, never"\n');
 * // → { header: ["id", "answer"], rows: [["1", "yes"], ["2", "no, never"]], rowNumbers: [2, 4], delimiter: "," }
 * ```
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvTable {
  return scanTable(new TextEncoder().encode(text.replace(/^\uFEFF/, "")), new TextDecoder("utf-8"), options.delimiter);
}
