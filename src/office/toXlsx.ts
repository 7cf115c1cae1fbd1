import type { Worksheet } from "exceljs";
import { groupLabel } from "../charts/chartData";
import { methodName } from "../charts/locale";
import { intervalName } from "../charts/percentText";
import { calibrationSummary, estimateTable, neutraliseFormula } from "../report";
import type { ValidationReport } from "../survey";
import type { Estimate } from "../types";
import type { OfficeOptions, OfficeReport } from "./officeReport";
import { noteSentences, officeWords, tableNote } from "./officeWords";
import { redateZip } from "./redateZip";

/** The title row, then the frozen header row: the table starts on row 3. */
const HEADER_ROW = 2;

/**
 * An Excel workbook (.xlsx): one sheet per section with the section's heading, a frozen header
 * and one row per Estimate — counts, bases and proportions as numbers (percent formats, the
 * interval as two columns), the question's ID and answer code so each row can be traced — and
 * the table's note (base, interval, method, weighting, source) under it; then a "Notes" sheet
 * with the loading report. exceljs is loaded only when called. Text that a spreadsheet would run
 * as a formula keeps a leading apostrophe, as in `toCsv`.
 *
 * @param report - The title, source, sections (heading, chart, rows), loading report and calibration.
 * @param options - The locale, the percentages' decimals and the creation date.
 * @returns The .xlsx file's bytes.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset } from "svyprop";
 * import { toXlsx } from "svyprop/office";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const xlsx = await toXlsx({ title: "Facebook", sections: [{ heading: "Real name", rows: estimate(survey, "real_name") }] });
 * // An .xlsx file is a zip archive: "PK".
 * [...xlsx.subarray(0, 2)]; // → [80, 75]
 * ```
 */
export async function toXlsx(report: OfficeReport, options: OfficeOptions = {}): Promise<Uint8Array> {
  const locale = options.locale ?? "en-US";
  const decimals = options.decimals ?? 0;
  const created = options.created ?? new Date();
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "svyprop";
  workbook.title = neutraliseFormula(report.title);
  workbook.created = created;
  workbook.modified = created;
  const names = new Set<string>();
  report.sections.forEach((section, index) => {
    const sheet = workbook.addWorksheet(sheetName(`${index + 1} ${section.heading}`, names), {
      views: [{ state: "frozen", ySplit: HEADER_ROW, xSplit: 0 }],
    });
    writeTable(sheet, section.heading, section.rows, { locale, decimals, ...(report.source !== undefined && { source: report.source }) });
  });
  const notes = workbook.addWorksheet(sheetName(officeWords(locale).notes, names));
  writeNotes(notes, report, locale);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return redateZip(bytes, created);
}

interface TableStyle {
  locale: "en-US" | "fr-FR";
  decimals: number;
  source?: string;
}

function writeTable(sheet: Worksheet, heading: string, rows: readonly Estimate[], style: TableStyle): void {
  const words = officeWords(style.locale);
  // Question, answer and group headers are the report's own (estimateTable); the numbers get their own columns here.
  const [questionHeader, answerHeader, groupHeader] = estimateTable(rows, style).headers;
  const hasGroups = rows.some((row) => row.group !== undefined);
  const weighted = rows.some((row) => row.weightedCount !== undefined);
  const levels = [...new Set(rows.map((row) => row.level))];
  const interval = levels.length === 1 ? `${intervalName(levels[0]!, style.locale)} ` : "";
  const percent = percentFormat(style);
  const columns: Column[] = [
    { header: questionHeader!, value: (row) => text(row.questionLabel) },
    { header: answerHeader!, value: (row) => text(row.categoryLabel) },
    ...(hasGroups ? [{ header: groupHeader!, value: (row: Estimate) => text(groupLabel(row)) }] : []),
    { header: words.count, value: (row) => row.count, format: "0" },
    { header: words.base, value: (row) => row.base, format: "0" },
    ...(weighted
      ? [
          { header: words.weightedCount, value: (row: Estimate) => row.weightedCount ?? null, format: "0.0" },
          { header: words.weightedBase, value: (row: Estimate) => row.weightedBase ?? null, format: "0.0" },
        ]
      : []),
    { header: "%", value: (row) => row.proportion, format: percent },
    { header: `${interval}${words.lower}`, value: (row) => finite(row.lower), format: percent },
    { header: `${interval}${words.upper}`, value: (row) => finite(row.upper), format: percent },
    ...(levels.length > 1 ? [{ header: words.level, value: (row: Estimate) => row.level, format: percentFormat({ ...style, decimals: 1 }) }] : []),
    { header: words.method, value: (row) => text(methodName(row.method, style.locale)) },
    { header: words.questionId, value: (row) => text(row.question) },
    { header: words.categoryCode, value: (row) => text(row.category) },
  ];
  sheet.getCell(1, 1).value = text(heading);
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = text(column.header);
    cell.font = { bold: true };
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = { wrapText: true, vertical: "bottom", horizontal: column.format === undefined ? "left" : "right" };
  });
  rows.forEach((row, rowIndex) => {
    const line = sheet.getRow(HEADER_ROW + 1 + rowIndex);
    columns.forEach((column, index) => {
      const cell = line.getCell(index + 1);
      cell.value = column.value(row);
      if (column.format !== undefined) cell.numFmt = column.format;
    });
  });
  const noteStart = HEADER_ROW + rows.length + 2;
  noteSentences(tableNote(rows, style.locale, style.source)).forEach((sentence, index) => {
    const cell = sheet.getCell(noteStart + index, 1);
    cell.value = text(sentence);
    cell.font = { italic: true, color: { argb: "FF555555" } };
  });
  columns.forEach((column, index) => {
    const longest = Math.max(column.header.length, ...rows.map((row) => displayLength(column.value(row), column.format)));
    sheet.getColumn(index + 1).width = Math.min(Math.max(longest + 2, 8), 60);
  });
}

interface Column {
  header: string;
  value: (row: Estimate) => string | number | null;
  /** An Excel number format; text columns have none. */
  format?: string;
}

function displayLength(value: string | number | null, format: string | undefined): number {
  if (value === null) return 0;
  if (typeof value === "string") return value.length;
  return format?.includes("%") ? 7 : String(Math.round(value * 10) / 10).length;
}

/** "0%", "0.0%"; in French a no-break space before the sign ("73 %"). Excel writes the decimal separator of the reader's locale. */
function percentFormat({ locale, decimals }: TableStyle): string {
  const digits = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  return locale === "fr-FR" ? `${digits}"\u00a0"%` : `${digits}%`;
}

/** A limit that does not exist (NaN: a domain without design degrees of freedom) is an empty cell, not a number. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function text(value: string): string {
  return neutraliseFormula(value);
}

function writeNotes(sheet: Worksheet, report: OfficeReport, locale: "en-US" | "fr-FR"): void {
  const words = officeWords(locale);
  const lines: (string | number | null)[][] = [[report.title], ...(report.source === undefined ? [] : [[report.source]]), []];
  if (report.validation !== undefined) lines.push(...validationLines(report.validation, words));
  if (report.calibration !== undefined) lines.push([], [calibrationSummary(report.calibration).trim()]);
  lines.forEach((values, index) => {
    const row = sheet.getRow(index + 1);
    values.forEach((value, column) => {
      row.getCell(column + 1).value = typeof value === "string" ? text(value) : value;
    });
  });
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  [12, 28, 12, 12, 12, 12].forEach((width, index) => (sheet.getColumn(index + 1).width = width));
}

/** The loading report as rows: rows read, each question's account, then every problem with its row, column and value. */
function validationLines(validation: ValidationReport, words: ReturnType<typeof officeWords>): (string | number | null)[][] {
  return [
    [words.dataQuality],
    [words.rowsRead, validation.rowsRead],
    [words.problems, validation.issues.length],
    [],
    [words.questionId, words.used, words.missing, words.notAsked, words.excluded],
    ...Object.entries(validation.questions).map(([id, account]) => [id, account.used, account.missing, account.notAsked, account.excluded]),
    ...(validation.issues.length === 0
      ? []
      : [
          [],
          [words.row, words.column, words.value, words.code, words.questionId, words.reason],
          ...validation.issues.map((issue) => [issue.row, issue.column ?? null, issue.value ?? null, issue.code, issue.question ?? null, issue.reason]),
        ]),
  ];
}

/** A worksheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").replace(/^'+|'+$/g, "").trim();
  let name = clean.slice(0, 31).trim();
  for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) name = `${clean.slice(0, 31 - String(suffix).length - 1).trim()} ${suffix}`;
  taken.add(name.toLowerCase());
  return name;
}
