import { SurveyError } from "../errors";
import type { CsvTable } from "./parseCsv";

/** Survey platforms whose export conventions svyprop knows; `plain` is any other CSV. */
export const EXPORT_FORMATS = ["plain", "qualtrics", "limesurvey", "redcap"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each platform's export looks like. */
interface FormatConventions {
  /** The column identifying a respondent. */
  idColumn?: string;
  /** Columns the platform adds about the response itself (dates, progress, IP), not answers. */
  isMetadata: (column: string) => boolean;
  /** Splits the name of a one-column-per-option multi-select column into question and option. */
  optionColumn?: (column: string) => { question: string; option: string } | undefined;
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

export function exportConventions(format: ExportFormat): FormatConventions {
  return CONVENTIONS[format];
}

const IMPORT_ID = /^\s*\{\s*"ImportId"/;

/** Recognises a platform from the header (and Qualtrics' ImportId row); `plain` otherwise. */
export function detectExportFormat(table: CsvTable): ExportFormat {
  const names = new Set(table.header);
  if (table.rows[1]?.some((cell) => IMPORT_ID.test(cell))) return "qualtrics";
  if ((names.has("submitdate") || names.has("Date submitted")) && (names.has("lastpage") || names.has("Last page"))) {
    return "limesurvey";
  }
  if (table.header[0] === "record_id" || table.header.some((name) => name.startsWith("redcap_") || /___[A-Za-z0-9_-]+$/.test(name))) {
    return "redcap";
  }
  return "plain";
}

/**
 * Brings an export to one header row: Qualtrics' question-text row becomes `labels` and its
 * ImportId row is dropped (both keep their spreadsheet row numbers out of the answers).
 */
export function normalizeExport(table: CsvTable, format: ExportFormat): CsvTable {
  if (!EXPORT_FORMATS.includes(format)) {
    throw new SurveyError("E_ARGUMENT", `format must be one of ${EXPORT_FORMATS.join(", ")}`, { value: String(format) });
  }
  if (format !== "qualtrics") return { ...table, format };
  const [texts, importIds] = table.rows;
  const headerRows = importIds?.some((cell) => IMPORT_ID.test(cell)) ? 2 : 1;
  return {
    ...table,
    format,
    ...(texts ? { labels: table.header.map((_, i) => (texts[i] ?? "").trim()) } : {}),
    rows: table.rows.slice(headerRows),
    rowNumbers: table.rowNumbers.slice(headerRows),
  };
}
