import Papa from "papaparse";
import { SurveyError } from "../errors";
import { ownFields, type PrintedFigureRecord, parsePrintedFigure } from "../stats/consistency";

/** The figures of a figures file, and how many entries had no printed percentage (so were not read). */
export interface PrintedFiguresFile {
  /** The figures read, in file order. */
  figures: PrintedFigureRecord[];
  /** Entries without a printed percentage, which were not read. */
  skipped: number;
}

/** Options of `readPrintedFigures`. */
export interface ReadPrintedFiguresOptions {
  /** "json" or "csv"; by default JSON when the text starts with `[` or `{`, CSV otherwise. */
  format?: "json" | "csv";
}

/** Where a figure came from, for error messages: a CSV row (1-based, header = row 1) or a JSON path. */
type Location = { row: number } | { path: string };

/** Field names read for each part of a figure, ours first, then the collected-sources format (key, numerator, …). */
const FIELD_NAMES = {
  label: ["label", "key"],
  count: ["count", "numerator"],
  base: ["base", "denominator"],
  printed: ["printed", "percent_reported_text"],
  group: ["group"],
} as const;

/**
 * Reads a file of printed figures, as `checkFigures` and `checkFigureGroups` take them.
 *
 * The text is JSON (an array of figures, or an object with a `figures` array) or CSV with a header.
 * Each figure has `label`, `printed` ("73", "73 %", "65,8"), and optionally `count`, `base` and
 * `group` (the categories of one single-choice question: each needs a count and the same base).
 * Collected-sources fields are read too (`key`, `numerator`, `denominator`, `percent_reported_text`).
 * Entries without a printed percentage are skipped and counted; anything else malformed is a
 * `SurveyError` naming the row (CSV) or JSON path, the column and the value.
 *
 * @param text - The file's text: CSV with a header, or JSON (an array of figures or `{ "figures": [...] }`).
 * @param options - `format` forces "csv" or "json" (default: JSON when the text starts with `[` or `{`).
 * @returns The figures, and how many entries were skipped for lack of a printed percentage.
 * @throws {@link SurveyError} naming the row or JSON path, the column and the value of a malformed entry.
 *
 * @example
 * ```ts
 * import { readPrintedFigures } from "svyprop";
 *
 * const { figures } = readPrintedFigures("label,printed,count\nReal name,99,138\n");
 * figures; // → [{ label: "Real name", printed: "99", count: 138 }]
 * ```
 */
export function readPrintedFigures(text: string, options: ReadPrintedFiguresOptions = {}): PrintedFiguresFile {
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "") throw new SurveyError("E_EMPTY_FILE", "the figures file is empty");
  const format = options.format ?? (/^\s*[[{]/.test(content) ? "json" : "csv");
  return format === "json" ? figuresFromJson(content) : figuresFromCsv(content);
}

function figuresFromJson(text: string): PrintedFiguresFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SurveyError("E_BAD_VALUE", `the figures file is not valid JSON: ${(error as Error).message}`);
  }
  const isWrapped = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
  const entries = isWrapped ? (parsed as { figures?: unknown }).figures : parsed;
  if (!Array.isArray(entries)) {
    throw new SurveyError("E_BAD_VALUE", "a JSON figures file must be an array of figures or an object with a \"figures\" array");
  }
  const prefix = isWrapped ? "figures" : "";
  return collectFigures(entries.map((entry: unknown, index) => ({ entry, where: { path: `${prefix}[${index}]` } })));
}

function figuresFromCsv(text: string): PrintedFiguresFile {
  const result = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const [parseError] = result.errors;
  if (parseError) {
    const row = parseError.row === undefined ? {} : { row: parseError.row + 2 };
    throw new SurveyError("E_CSV_PARSE", `the figures file is not readable CSV: ${parseError.message}`, row);
  }
  const header = result.meta.fields ?? [];
  for (const part of ["label", "printed"] as const) {
    if (!FIELD_NAMES[part].some((name) => header.includes(name))) {
      throw new SurveyError("E_CSV_PARSE", `the header has no "${part}" column`, { row: 1 });
    }
  }
  return collectFigures(result.data.map((entry, index) => ({ entry, where: { row: index + 2 } })));
}

function collectFigures(entries: { entry: unknown; where: Location }[]): PrintedFiguresFile {
  const figures: PrintedFigureRecord[] = [];
  const groupBases = new Map<string, number>();
  let skipped = 0;
  for (const { entry, where } of entries) {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      throw new SurveyError("E_BAD_VALUE", "a figure must be an object with label and printed", { ...where, value: JSON.stringify(entry) });
    }
    const figure = figureFrom(entry as Record<string, unknown>, where);
    if (figure === undefined) {
      skipped++;
      continue;
    }
    if (figure.group !== undefined) {
      const groupBase = groupBases.get(figure.group) ?? (figure.base as number);
      if (figure.base !== groupBase) throw badValue(where, "base", String(figure.base), `differs from the base ${groupBase} of group "${figure.group}"`);
      groupBases.set(figure.group, groupBase);
    }
    figures.push(figure);
  }
  return { figures, skipped };
}

/** One validated figure, or undefined when the entry has no printed percentage. */
function figureFrom(entry: Record<string, unknown>, where: Location): PrintedFigureRecord | undefined {
  const printed = textField(entry, "printed", where);
  if (printed === undefined) return undefined;
  try {
    parsePrintedFigure(printed);
  } catch {
    throw badValue(where, "printed", printed, "is not a printed percentage like \"73\", \"73 %\" or \"65,8\"");
  }
  const label = textField(entry, "label", where);
  if (label === undefined) throw badValue(where, "label", "", "is missing");
  const count = countField(entry, "count", where);
  const base = countField(entry, "base", where);
  if (base === 0) throw badValue(where, "base", "0", "must be a positive integer");
  if (count !== undefined && base !== undefined && count > base) {
    throw badValue(where, "count", String(count), `exceeds the base ${base}`);
  }
  const group = textField(entry, "group", where);
  if (group !== undefined && (count === undefined || base === undefined)) {
    throw badValue(where, "group", group, "needs a count and a base: a group's counts are summed against its base");
  }
  return ownFields({ label, printed, count, base, group });
}

/** The first of the part's field names present with a value; "" and null count as absent. */
function rawField(entry: Record<string, unknown>, part: keyof typeof FIELD_NAMES): { column: string; value: unknown } | undefined {
  for (const column of FIELD_NAMES[part]) {
    const value = entry[column];
    if (value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "")) return { column, value };
  }
  return undefined;
}

function textField(entry: Record<string, unknown>, part: "label" | "printed" | "group", where: Location): string | undefined {
  const field = rawField(entry, part);
  if (field === undefined) return undefined;
  if (typeof field.value === "number") return String(field.value);
  if (typeof field.value !== "string") throw badValue(where, field.column, JSON.stringify(field.value), "must be text");
  return field.value.trim();
}

function countField(entry: Record<string, unknown>, part: "count" | "base", where: Location): number | undefined {
  const field = rawField(entry, part);
  if (field === undefined) return undefined;
  const value = typeof field.value === "string" && /^\s*\d+\s*$/.test(field.value) ? Number(field.value) : field.value;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw badValue(where, field.column, typeof field.value === "string" ? field.value : JSON.stringify(field.value), "must be a whole count");
  }
  return value;
}

function badValue(where: Location, column: string, value: string, problem: string): SurveyError {
  return new SurveyError("E_BAD_VALUE", `${column} ${problem}`, { ...where, column, value });
}
