import type { Estimate } from "../types";
import { argumentError } from "../errors";
import type { ChartLocale } from "../charts/locale";
import { isWeighted } from "../charts/weighting";
import { ESTIMATE_FIELDS } from "./estimateRecord";

/** Options of `toCsv`. */
export interface CsvOptions {
  /** Field separator: "," (default; ";" for "fr-FR"), or a tab. */
  delimiter?: "," | ";" | "\t";
  /** "fr-FR" writes what a French Excel opens right: ";" between fields, decimal commas, a byte-order mark. */
  locale?: ChartLocale;
  /** Start with a UTF-8 byte-order mark, without which Excel reads UTF-8 as Windows-1252 (default: true for "fr-FR"). */
  bom?: boolean;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * The rows as CSV (RFC 4180: CRLF line ends, quoted when needed), one column per `Estimate`
 * field that some row has, and one `group.KEY` column per group key. Numbers are written in
 * full, with the locale's decimal separator; text cells that a spreadsheet would run as a formula
 * get a leading apostrophe, so a label such as "=HYPERLINK(…)" stays text. When some row is
 * weighted, a last `weighting` column says which: "weighted" (proportion and interval from the
 * weights; count and base are unweighted respondents) or "unweighted".
 *
 * @param rows - The estimates.
 * @param options - The delimiter, the locale (decimal separator) and the byte-order mark.
 * @returns The CSV text, with a header line.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset, toCsv } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const [header, first] = toCsv(estimate(survey, "real_name")).split("\r\n");
 * header; // → "question,questionLabel,category,categoryLabel,count,base,proportion,lower,upper,level,method,populationSize"
 * first; // → "real_name,Profile displays real name,yes,Yes,138,140,0.9857142857142858,…"
 * ```
 */
export function toCsv(rows: readonly Estimate[], options: CsvOptions = {}): string {
  const french = options.locale === "fr-FR";
  const delimiter = options.delimiter ?? (french ? ";" : ",");
  const decimal = french ? "," : ".";
  if (decimal === delimiter) throw argumentError("delimiter", "must differ from the decimal comma of fr-FR", delimiter);
  if (![",", ";", "\t"].includes(delimiter)) throw argumentError("delimiter", 'must be ",", ";" or a tab', delimiter);
  const groupKeys = [...new Set(rows.flatMap((row) => Object.keys(row.group ?? {})))].sort();
  const fields = ESTIMATE_FIELDS.filter((field) => field !== "group" && rows.some((row) => row[field] !== undefined));
  const weighting = rows.some(isWeighted);
  const header = [...fields.slice(0, 4), ...groupKeys.map((key) => `group.${key}`), ...fields.slice(4), ...(weighting ? ["weighting"] : [])];
  const cell = (value: unknown) => cellText(value, decimal);
  const lines = rows.map((row) => [
    ...fields.slice(0, 4).map((field) => cell(row[field])),
    ...groupKeys.map((key) => cell(row.group?.[key])),
    ...fields.slice(4).map((field) => cell(row[field])),
    ...(weighting ? [isWeighted(row) ? "weighted" : "unweighted"] : []),
  ]);
  const bom = (options.bom ?? french) ? "\uFEFF" : "";
  return bom + [header.map(cell), ...lines].map((line) => line.map((value) => quote(value, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
}

function cellText(value: unknown, decimal: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return String(value).replace(".", decimal);
  return neutraliseFormula(String(value));
}

/**
 * Text a spreadsheet would run as a formula, with a leading apostrophe so it stays text; other text as is.
 *
 * @param text - A cell's text.
 * @returns The text, with a leading apostrophe when it starts like a formula.
 *
 * @example
 * ```ts
 * import { neutraliseFormula } from "svyprop";
 *
 * neutraliseFormula("=HYPERLINK(\"http://example.com\")"); // → "'=HYPERLINK(\"http://example.com\")"
 * neutraliseFormula("Real name"); // → "Real name"
 * ```
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

function quote(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
