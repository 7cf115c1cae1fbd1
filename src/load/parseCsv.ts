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
  if (quoteError) throw quoteProblem(quoteError, result.data);
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

const SHOWN_VALUE_LENGTH = 40;

/**
 * An `E_CSV_PARSE` for a bad quote, naming its spreadsheet row (papaparse counts records from 0,
 * blank lines included, so record i is row i + 1), the column of the field it broke (the last
 * one papaparse read on that record) and the start of that field's text.
 */
function quoteProblem(error: Papa.ParseError, records: string[][]): SurveyError {
  if (error.row === undefined) return new SurveyError("E_CSV_PARSE", error.message);
  const fields = records[error.row] ?? [];
  const header = records.find((record) => record.some((field) => field.trim() !== "")) ?? [];
  const column = header[fields.length - 1]?.trim();
  const field = fields[fields.length - 1];
  return new SurveyError("E_CSV_PARSE", `${error.message}; every quote that opens a field must close it`, {
    row: error.row + 1,
    ...(column === undefined || error.row === 0 ? {} : { column }),
    ...(field === undefined ? {} : { value: field.length > SHOWN_VALUE_LENGTH ? `${field.slice(0, SHOWN_VALUE_LENGTH)}…` : field }),
  });
}
