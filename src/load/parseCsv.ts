import Papa from "papaparse";
import { SurveyError } from "../errors";

/** A parsed CSV: the header and the answer rows, each an array of raw cells. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Spreadsheet row number (1-based, header = 1) of each entry of `rows`. */
  rowNumbers: number[];
}

export interface ParseCsvOptions {
  /** Field delimiter; sniffed among `,` `;` tab when omitted. */
  delimiter?: string;
}

/**
 * Parses CSV text with papaparse (quoted fields, `""` escapes, quoted newlines, CRLF) into
 * arrays — no object per row. Empty lines are skipped (their rows still count, as in a spreadsheet); an unterminated quote or a file with no
 * header is an `E_CSV_PARSE` naming the row.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvTable {
  if (text.trim() === "") throw new SurveyError("E_EMPTY_FILE", "the file is empty");
  const result = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: true,
    delimiter: options.delimiter ?? "",
    delimitersToGuess: [",", ";", "\t"],
  });
  const fatal = result.errors.find((error) => error.type === "Quotes");
  if (fatal) {
    throw new SurveyError("E_CSV_PARSE", fatal.message, { row: spreadsheetRow(text, fatal.index) });
  }
  const [header, ...rows] = result.data;
  if (!header) throw new SurveyError("E_EMPTY_FILE", "the file has no header row");
  return { header: header.map((name) => name.trim()), rows, rowNumbers: rowNumbersOf(text, result.data.length) };
}

/** Spreadsheet row (1-based) of the record holding a character offset. */
function spreadsheetRow(text: string, index: number | undefined): number | undefined {
  if (index === undefined) return undefined;
  const records = recordStarts(text);
  let row: number | undefined;
  for (const record of records) if (record.offset <= index) row = record.row;
  return row;
}

/** The spreadsheet row of each parsed record after the header. */
function rowNumbersOf(text: string, records: number): number[] {
  return recordStarts(text)
    .slice(1, records)
    .map((record) => record.row);
}

/**
 * Where each non-blank record starts and the row a spreadsheet shows it on. A spreadsheet
 * shows blank lines as rows and keeps a quoted newline inside its cell, so the row is
 * 1 + the number of line breaks outside quotes before the record.
 */
function recordStarts(text: string): Array<{ offset: number; row: number }> {
  const starts: Array<{ offset: number; row: number }> = [];
  let inQuotes = false;
  let atStart = true;
  let row = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const lineBreak = char === "\n" || (char === "\r" && text[i + 1] !== "\n");
    if (atStart && char !== "\n" && char !== "\r") {
      starts.push({ offset: i, row });
      atStart = false;
    }
    if (char === '"') inQuotes = !inQuotes;
    else if (lineBreak && !inQuotes) {
      atStart = true;
      row += 1;
    }
  }
  return starts;
}
