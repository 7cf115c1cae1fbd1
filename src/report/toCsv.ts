import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { ESTIMATE_FIELDS } from "./estimateRecord";

export interface CsvOptions {
  /** Field separator: "," (default), ";" for French spreadsheets, or a tab. */
  delimiter?: "," | ";" | "\t";
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * The rows as CSV (RFC 4180: CRLF line ends, quoted when needed), one column per `Estimate`
 * field that some row has, and one `group.KEY` column per group key. Numbers are written in
 * full with a decimal point; text cells that a spreadsheet would run as a formula get a
 * leading apostrophe, so a label such as "=HYPERLINK(…)" stays text.
 */
export function toCsv(rows: readonly Estimate[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  if (![",", ";", "\t"].includes(delimiter)) throw argumentError("delimiter", 'must be ",", ";" or a tab', delimiter);
  const groupKeys = [...new Set(rows.flatMap((row) => Object.keys(row.group ?? {})))].sort();
  const fields = ESTIMATE_FIELDS.filter((field) => field !== "group" && rows.some((row) => row[field] !== undefined));
  const header = [...fields.slice(0, 4), ...groupKeys.map((key) => `group.${key}`), ...fields.slice(4)];
  const lines = rows.map((row) => [
    ...fields.slice(0, 4).map((field) => cell(row[field])),
    ...groupKeys.map((key) => cell(row.group?.[key])),
    ...fields.slice(4).map((field) => cell(row[field])),
  ]);
  return [header.map((name) => cell(name)), ...lines].map((line) => line.map((value) => quote(value, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return String(value);
  return neutraliseFormula(String(value));
}

/** Text a spreadsheet would run as a formula, with a leading apostrophe so it stays text; other text as is. */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

function quote(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
