import { SurveyError } from "../errors";
import type { CsvTable } from "./parseCsv";

/** Survey platforms whose export conventions svyprop knows; `plain` is any other CSV. */
export const EXPORT_FORMATS = ["plain", "qualtrics", "limesurvey", "redcap"] as const;
/** One of `EXPORT_FORMATS`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each platform's export looks like. */
export interface FormatConventions {
  /** The column identifying a respondent. */
  idColumn?: string;
  /** Columns the platform adds about the response itself (dates, progress, IP), not answers. */
  isMetadata: (column: string) => boolean;
  /** Splits the name of a one-column-per-option multi-select column into question and option. */
  optionColumn?: (column: string) =>
    | {
        /** The question's part of the column name, e.g. "Q2" of "Q2_1". */
        question: string;
        /** The option's part, e.g. "1". */
        option: string;
      }
    | undefined;
}

const CONVENTIONS: Record<ExportFormat, FormatConventions> = {
  plain: { isMetadata: () => false },
  // Row 1 column names, row 2 question texts, row 3 {"ImportId":"QID1"}; multi-select answers
  // are one column of comma-separated choices, so no option columns.
  qualtrics: {
    idColumn: "ResponseId",
    isMetadata: oneOf([
      "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
      "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference",
      "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage",
    ]),
  },
  // Question codes as columns; a multiple-choice question is one column per sub-question, Q5[SQ001],
  // holding "Y"/"" (answer codes) or "Yes"/"" (full answers).
  limesurvey: {
    idColumn: "id",
    isMetadata: oneOf(["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl"]),
    optionColumn: splitOn(/^(.+)\[([^\]]+)\]$/),
  },
  // A checkbox field is one 0/1 (or Checked/Unchecked) column per choice: var___1, var___2.
  redcap: {
    idColumn: "record_id",
    isMetadata: (column) => column === "record_id" || column.startsWith("redcap_") || column.endsWith("_complete"),
    optionColumn: splitOn(/^(.+?)___([A-Za-z0-9_-]+)$/),
  },
};

function oneOf(names: string[]): (column: string) => boolean {
  const set = new Set(names);
  return (column) => set.has(column);
}

function splitOn(pattern: RegExp): FormatConventions["optionColumn"] {
  return (column) => {
    const match = pattern.exec(column);
    return match ? { question: match[1] as string, option: match[2] as string } : undefined;
  };
}

/**
 * The conventions of a platform's exports: its respondent id column, its metadata columns and
 * how it names one-column-per-option multi-select columns.
 *
 * @param format - The platform.
 * @returns Its conventions.
 *
 * @example
 * ```ts
 * import { exportConventions } from "svyprop";
 *
 * exportConventions("qualtrics").idColumn; // → "ResponseId"
 * ```
 */
export function exportConventions(format: ExportFormat): FormatConventions {
  return CONVENTIONS[format];
}

/** A Qualtrics ImportId cell: a JSON object with a string `ImportId`, e.g. `{"ImportId":"QID1"}`. */
function isImportId(cell: string): boolean {
  const text = cell.trim();
  if (!text.startsWith("{")) return false;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && typeof (parsed as { ImportId?: unknown }).ImportId === "string";
  } catch {
    return false;
  }
}

/**
 * Whether the two records after a header are a Qualtrics export's question-text row and ImportId
 * row, from their full shape: both as wide as the header, and every cell of the second an
 * ImportId object. An answer that merely starts with `{"ImportId"` is not enough, so a respondent
 * is never taken for a header row. Both reading paths decide with this one test.
 *
 * @param header - The header row.
 * @param texts - The record after it.
 * @param importIds - The record after that.
 * @returns Whether they are Qualtrics' two extra header rows.
 *
 * @example
 * ```ts
 * import { isQualtricsHeaderRows } from "svyprop";
 *
 * isQualtricsHeaderRows(["Q1"], ["Do you use Facebook?"], ['{"ImportId":"QID1"}']); // → true
 * isQualtricsHeaderRows(["Q1"], ["Yes"], ["No"]); // → false
 * ```
 */
export function isQualtricsHeaderRows(header: readonly string[], texts: readonly string[] | undefined, importIds: readonly string[] | undefined): boolean {
  if (!texts || !importIds || texts.length !== header.length || importIds.length !== header.length) return false;
  return importIds.every(isImportId);
}

/**
 * Recognises a platform from the header (and Qualtrics' header rows, `isQualtricsHeaderRows`); `plain` otherwise.
 *
 * @param table - The table as parsed, every record a row.
 * @returns The platform, or "plain".
 *
 * @example
 * ```ts
 * import { detectExportFormat, parseCsv } from "svyprop";
 *
 * const table = parseCsv('ResponseId,Q1\nResponse ID,Do you use Facebook?\n{"ImportId":"_recordId"},{"ImportId":"QID1"}\nR_1,Yes\n');
 * detectExportFormat(table); // → "qualtrics"
 * ```
 */
export function detectExportFormat(table: CsvTable): ExportFormat {
  return isQualtricsHeaderRows(table.header, table.rows[0], table.rows[1]) ? "qualtrics" : formatOfColumns(table.header);
}

/** Recognises LimeSurvey and REDCap exports from their column names; `plain` otherwise. */
export function formatOfColumns(header: readonly string[]): ExportFormat {
  const names = new Set(header);
  if ((names.has("submitdate") || names.has("Date submitted")) && (names.has("lastpage") || names.has("Last page"))) {
    return "limesurvey";
  }
  if (header[0] === "record_id" || header.some((name) => name.startsWith("redcap_") || /___[A-Za-z0-9_-]+$/.test(name))) {
    return "redcap";
  }
  return "plain";
}

/** Refuses a format that is none of `EXPORT_FORMATS` (`E_ARGUMENT`). */
export function checkExportFormat(format: ExportFormat): void {
  if (!EXPORT_FORMATS.includes(format)) {
    throw new SurveyError("E_ARGUMENT", `format must be one of ${EXPORT_FORMATS.join(", ")}`, { value: String(format) });
  }
}

/**
 * Brings an export to one header row: Qualtrics' question-text row becomes `labels` and its
 * ImportId row is dropped (both keep their spreadsheet row numbers out of the answers).
 *
 * @param table - The table as parsed.
 * @param format - The platform it came from.
 * @returns The table with one header row, the question texts as `labels`, and the format.
 *
 * @example
 * ```ts
 * import { normalizeExport, parseCsv } from "svyprop";
 *
 * const table = parseCsv('ResponseId,Q1\nResponse ID,Do you use Facebook?\n{"ImportId":"_recordId"},{"ImportId":"QID1"}\nR_1,Yes\n');
 * normalizeExport(table, "qualtrics");
 * // → { header: ["ResponseId", "Q1"], rows: [["R_1", "Yes"]], labels: ["Response ID", "Do you use Facebook?"], rowNumbers: [4] }
 * ```
 */
export function normalizeExport(table: CsvTable, format: ExportFormat): CsvTable {
  checkExportFormat(format);
  if (format !== "qualtrics") return { ...table, format };
  const [texts, importIds] = table.rows;
  const headerRows = isQualtricsHeaderRows(table.header, texts, importIds) ? 2 : 1;
  return {
    ...table,
    format,
    ...(texts ? { labels: table.header.map((_, i) => (texts[i] ?? "").trim()) } : {}),
    rows: table.rows.slice(headerRows),
    rowNumbers: table.rowNumbers.slice(headerRows),
  };
}
