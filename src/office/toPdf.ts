import { estimateTable } from "../report";
import { bundledFontFiles } from "../render/font";
import { renderSvg } from "../render/renderSvg";
import type { ValidationReport } from "../survey";
import type { OfficeOptions, OfficeReport, OfficeSection } from "./officeReport";
import { splitCaption } from "./chartCaption";
import { noteSentences, officeWords, tableNote } from "./officeWords";

export interface PdfOptions extends OfficeOptions {
  /** Paper size (default: Letter in English, A4 in French). */
  pageSize?: "A4" | "Letter";
}

const MARGIN = 56; // 2 cm
const REGULAR = "DejaVu Sans";
const BOLD = "DejaVu Sans Bold";
const TEXT_COLOR = "#1a1a1a";
const MUTED_COLOR = "#555555";
/** Vega draws in CSS pixels; a PDF measures in points (1 px = 0.75 pt). */
const POINTS_PER_PIXEL = 0.75;

type Pdf = PDFKit.PDFDocument;

/** Table cells as in the HTML report: a thin rule under each row, none between columns. */
const CELL_STYLE = { border: { top: 0, right: 0, bottom: 0.5, left: 0 }, borderColor: "#d0d0d0", padding: [3, 5, 3, 5] as [number, number, number, number] };

function headerCell(text: string, numeric: boolean) {
  return {
    text,
    type: "TH" as const,
    font: { src: BOLD },
    border: { top: 0, right: 0, bottom: 1, left: 0 },
    borderColor: "#888888",
    ...(numeric && { align: { x: "right" as const, y: "bottom" as const } }),
  };
}

/**
 * The HTML report as a paginated PDF (A4 or Letter), made without a browser: pdfkit lays out the
 * title, each section's heading, chart (the SVG of `renderSvg`, drawn as vectors by
 * svg-to-pdfkit), table (`estimateTable`, the report's own formatting) and note, then the loading
 * report; DejaVu Sans is embedded (subset). A chart never splits across pages; every page carries
 * its number. pdfkit and svg-to-pdfkit are loaded only when called.
 *
 * @param report - The title, source, sections (heading, chart, rows), loading report and calibration.
 * @param options - The locale, the percentages' decimals, the creation date and the page size.
 * @returns The PDF file's bytes.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset } from "svyprop";
 * import { toPdf } from "svyprop/office";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const pdf = await toPdf({ title: "Facebook", sections: [{ heading: "Real name", rows: estimate(survey, "real_name") }] });
 * new TextDecoder().decode(pdf.subarray(0, 5)); // → "%PDF-"
 * ```
 */
export async function toPdf(report: OfficeReport, options: PdfOptions = {}): Promise<Uint8Array> {
  const locale = options.locale ?? "en-US";
  const style = { locale, decimals: options.decimals ?? 0 };
  const created = options.created ?? new Date();
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import("pdfkit"), import("svg-to-pdfkit")]);
  const doc: Pdf = new PDFDocument({
    size: options.pageSize ?? (locale === "fr-FR" ? "A4" : "LETTER"),
    margin: MARGIN,
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: { Title: report.title, Creator: "svyprop", Producer: "svyprop", CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const [regularFile, boldFile] = bundledFontFiles();
  doc.registerFont(REGULAR, regularFile!);
  doc.registerFont(BOLD, boldFile!);

  doc.font(BOLD).fontSize(18).fillColor(TEXT_COLOR).text(report.title);
  if (report.source !== undefined) doc.moveDown(0.3).font(REGULAR).fontSize(10).fillColor(MUTED_COLOR).text(report.source);
  for (const section of report.sections) {
    await writeSection(doc, section, style, report.source, (svg, x, y, width, height) =>
      SVGtoPDF(doc, svg, x, y, { width, height, fontCallback: (_family: string, bold: boolean) => (bold ? BOLD : REGULAR) }),
    );
  }
  if (report.validation !== undefined) writeValidation(doc, report.validation, locale);
  numberPages(doc, locale);
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

type DrawSvg = (svg: string, x: number, y: number, width: number, height: number) => void;

async function writeSection(doc: Pdf, section: OfficeSection, style: { locale: "en-US" | "fr-FR"; decimals: number }, source: string | undefined, drawSvg: DrawSvg): Promise<void> {
  const contentWidth = doc.page.width - 2 * MARGIN;
  let chart: { svg: string; width: number; height: number; caption: string[] } | undefined;
  if (section.chart !== undefined) {
    // The chart's caption is printed as text under it (searchable, wrapped to the page), not drawn inside the SVG.
    const { chart: uncaptioned, caption } = splitCaption(section.chart);
    const drawn = await renderSvg(uncaptioned);
    const size = svgSize(drawn);
    const scale = Math.min(1, contentWidth / (size.width * POINTS_PER_PIXEL));
    // svg-to-pdfkit sizes the drawing by the root's width and height (the viewBox scales into them), so they carry the scale.
    const svg = drawn.replace(/<svg\b[^>]*>/, (root) =>
      root.replace(/\swidth="[\d.]+"/, ` width="${size.width * scale}"`).replace(/\sheight="[\d.]+"/, ` height="${size.height * scale}"`),
    );
    chart = { svg, width: size.width * POINTS_PER_PIXEL * scale, height: size.height * POINTS_PER_PIXEL * scale, caption };
  }
  // A heading stays with its chart (or the start of its table): a new page when both do not fit.
  const needed = 40 + (chart?.height ?? 60);
  if (doc.y + needed > doc.page.height - MARGIN) doc.addPage();
  else doc.moveDown(1.2);
  doc.font(BOLD).fontSize(13).fillColor(TEXT_COLOR).text(section.heading, MARGIN, doc.y, { width: contentWidth });
  doc.moveDown(0.5);
  if (chart !== undefined) {
    drawSvg(chart.svg, MARGIN, doc.y, chart.width, chart.height);
    doc.y += chart.height + 4;
    if (chart.caption.length > 0) muted(doc, chart.caption.join(" "));
  }
  if (section.rows.length > 0) {
    const { headers, cells } = estimateTable(section.rows, style);
    const numeric = (column: number) => column >= headers.length - 3;
    doc.font(REGULAR).fontSize(8.5).fillColor(TEXT_COLOR);
    doc.table({
      position: { x: MARGIN, y: doc.y },
      maxWidth: contentWidth,
      columnStyles: headers.map((_, column) => (numeric(column) ? { width: 68, align: { x: "right" as const } } : { width: "*" })),
      defaultStyle: CELL_STYLE,
      data: [headers.map((text, column) => headerCell(text, numeric(column))), ...cells],
    });
    doc.x = MARGIN;
  }
  // Under a captioned chart the base, interval and source are already said; the table adds whether it is weighted.
  const note = tableNote(section.rows, style.locale, source);
  muted(doc.moveDown(0.4), chart !== undefined && chart.caption.length > 0 ? note.weighting : noteSentences(note).join(" "));
}

function muted(doc: Pdf, text: string): void {
  doc.font(REGULAR).fontSize(8.5).fillColor(MUTED_COLOR).text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
}

function writeValidation(doc: Pdf, validation: ValidationReport, locale: "en-US" | "fr-FR"): void {
  const words = officeWords(locale);
  if (doc.y + 120 > doc.page.height - MARGIN) doc.addPage();
  else doc.moveDown(1.2);
  doc.font(BOLD).fontSize(13).fillColor(TEXT_COLOR).text(words.dataQuality, MARGIN, doc.y);
  doc.moveDown(0.5).font(REGULAR).fontSize(9).text(`${words.countSentence(words.rowsRead, validation.rowsRead)} ${words.countSentence(words.problems, validation.issues.length)}`);
  doc.moveDown(0.5).fontSize(8.5);
  const header = [words.questionId, words.used, words.missing, words.notAsked, words.excluded];
  doc.table({
    position: { x: MARGIN, y: doc.y },
    maxWidth: doc.page.width - 2 * MARGIN,
    columnStyles: header.map((_, column) => (column === 0 ? { width: "*" } : { width: 72, align: { x: "right" as const } })),
    defaultStyle: CELL_STYLE,
    data: [
      header.map((text, column) => headerCell(text, column > 0)),
      ...Object.entries(validation.questions).map(([id, account]) => [id, account.used, account.missing, account.notAsked, account.excluded].map(String)),
    ],
  });
  doc.x = MARGIN;
  for (const issue of validation.issues.slice(0, MAX_ISSUES)) {
    const where = [`${words.row} ${issue.row}`, issue.column ?? "", issue.value === undefined ? "" : JSON.stringify(issue.value)].filter(Boolean).join(", ");
    doc.moveDown(0.2).text(`${issue.code} (${where}): ${issue.reason}`, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  }
  if (validation.issues.length > MAX_ISSUES) doc.moveDown(0.2).text(words.moreIssues(validation.issues.length - MAX_ISSUES), MARGIN, doc.y);
}

/** Problems listed one by one in a PDF; the workbook's Notes sheet lists them all. */
const MAX_ISSUES = 50;

/** "Page 2 of 5" at the foot of every page (the pages are buffered until the end). */
function numberPages(doc: Pdf, locale: "en-US" | "fr-FR"): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not open a new page
    doc.font(REGULAR).fontSize(8).fillColor(MUTED_COLOR).text(officeWords(locale).page(index + 1, count), MARGIN, doc.page.height - MARGIN / 2, {
      width: doc.page.width - 2 * MARGIN,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** The width and height of an SVG document from its root element's attributes (Vega writes both, in pixels). */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error("renderSvg returned an SVG without width and height");
  return { width, height };
}
