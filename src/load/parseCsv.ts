import Papa from "papaparse";
import { SurveyError } from "../errors";
import type { ExportFormat } from "./exportFormats";
import { sniffDelimiter } from "./sniffDelimiter";

/** A parsed CSV: the header and the answer rows, each an array of raw cells. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Spreadsheet row number (1-based, header = 1) of each entry of `rows`. */
  rowNumbers: number[];
  /** The delimiter the file was read with (given or sniffed). */
  delimiter?: string;
  /** Question texts by column, when the export carries them (Qualtrics' second header row). */
  labels?: string[];
  /** The platform the file came from, once `normalizeExport` has read it as such. */
  format?: ExportFormat;
}

export interface ParseCsvOptions {
  /** Field delimiter; sniffed among `,` `;` tab when omitted. */
  delimiter?: string;
}

/**
 * Parses CSV text with papaparse (quoted fields, `""` escapes, quoted newlines, CRLF) into
 * arrays — no object per row. Blank lines (only white space or delimiters) are skipped but
 * still numbered, as a spreadsheet shows them; an unterminated or malformed quote is an
 * `E_CSV_PARSE` naming its row, and text with nothing in it is `E_EMPTY_FILE`.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvTable {
  if (text.trim() === "") throw new SurveyError("E_EMPTY_FILE", "the file is empty");
  const delimiter = options.delimiter ?? sniffDelimiter(text);
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter });
  const quoteError = result.errors.find((error) => error.type === "Quotes");
  if (quoteError) {
    // papaparse counts records from 0 with blank lines included: record i is spreadsheet row i + 1.
    throw new SurveyError("E_CSV_PARSE", quoteError.message, {
      ...(quoteError.row === undefined ? {} : { row: quoteError.row + 1 }),
    });
  }
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  result.data.forEach((fields, index) => {
    if (fields.every((field) => field.trim() === "")) return;
    records.push(fields);
    rowNumbers.push(index + 1);
  });
  const [header, ...rows] = records;
  if (!header) throw new SurveyError("E_EMPTY_FILE", "the file has no header row");
  return { header: header.map((name) => name.trim()), rows, rowNumbers: rowNumbers.slice(1), delimiter };
}
