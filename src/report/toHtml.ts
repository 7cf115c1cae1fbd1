import type { Estimate } from "../types";
import { isWeighted } from "../charts/weighting";
import { estimateTable } from "./estimateTable";
import type { FormatOptions } from "./formatEstimate";
import { sanitizeSvg } from "./sanitizeSvg";

/** One part of an HTML report: a heading, an optional chart, and the table of its rows. */
export interface HtmlSection {
  /** The section's heading, e.g. the question's label. */
  heading?: string;
  /** Paragraphs of text shown under the heading. */
  notes?: string[];
  /** An SVG document, e.g. from `renderSvg` (svyprop/render), inlined after `sanitizeSvg` rebuilds it from an allowlist. */
  svg?: string;
  /** The estimates its table shows. */
  rows: readonly Estimate[];
}

/** A whole HTML report: a title, an optional subtitle, and its sections. */
export interface HtmlReport {
  /** The page's title and first heading. */
  title: string;
  /** Shown under the title, e.g. the source citation. */
  subtitle?: string;
  /** The sections, in order. */
  sections: readonly HtmlSection[];
}

const STYLE = `
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; } .subtitle { color: #555; margin-top: 0; }
h2 { font-size: 1.15rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; }
th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid #e3e3e3; text-align: left; }
th { border-bottom: 2px solid #999; } td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
`;

/**
 * A self-contained HTML page (no script, no external file): title, then per section its
 * heading, notes, inline SVG chart and table of estimates, in the report's language; a note
 * under the title says when the percentages are weighted.
 * Report is a core layer and does not render: pass SVG made by `renderSvg`.
 *
 * @param report - The title, subtitle and sections (heading, notes, SVG chart, rows).
 * @param options - The locale (default "en-US") and the percentages' decimals.
 * @returns The HTML document.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset, toHtml } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const html = toHtml({ title: "Facebook", sections: [{ heading: "Real name", rows: estimate(survey, "real_name") }] });
 * html.startsWith("<!doctype html>"); // → true
 * html.includes("138 / 140"); // → true
 * ```
 */
export function toHtml(report: HtmlReport, options: FormatOptions = {}): string {
  const lang = (options.locale ?? "en-US").slice(0, 2);
  const sections = report.sections.map((section, index) => htmlSection(section, index, options)).join("\n");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
${report.subtitle === undefined ? "" : `<p class="subtitle">${escapeHtml(report.subtitle)}</p>\n`}${weightingNote(report, options)}${sections}
</body>
</html>
`;
}

function htmlSection(section: HtmlSection, index: number, options: FormatOptions): string {
  const parts: string[] = [];
  if (section.heading !== undefined) parts.push(`<h2>${escapeHtml(section.heading)}</h2>`);
  for (const note of section.notes ?? []) parts.push(`<p>${escapeHtml(note)}</p>`);
  if (section.svg !== undefined) parts.push(`<figure>${sanitizeSvg(section.svg, `sections[${index}].svg`)}</figure>`);
  if (section.rows.length > 0) parts.push(htmlTable(section.rows, options));
  return `<section>\n${parts.join("\n")}\n</section>`;
}

function htmlTable(rows: readonly Estimate[], options: FormatOptions): string {
  const { headers, cells } = estimateTable(rows, options);
  // The last three columns (n / base, %, interval) are numbers.
  const numeric = (column: number) => (column >= headers.length - 3 ? ' class="number"' : "");
  const head = headers.map((header, column) => `<th scope="col"${numeric(column)}>${escapeHtml(header)}</th>`).join("");
  const body = cells
    .map((line) => `<tr>${line.map((value, column) => `<td${numeric(column)}>${escapeHtml(value)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const WEIGHTED_NOTE = {
  "en-US": "Percentages and their intervals are weighted (design-based); n and bases are unweighted counts of respondents.",
  "fr-FR": "Les pourcentages et leurs intervalles sont pondérés (selon le plan de sondage)\u202f; les effectifs n et les bases ne sont pas pondérés.",
};

/** A paragraph under the title saying that the percentages are weighted, when some row is. */
function weightingNote(report: HtmlReport, options: FormatOptions): string {
  const weighted = report.sections.some((section) => section.rows.some(isWeighted));
  return weighted ? `<p class="note">${escapeHtml(WEIGHTED_NOTE[options.locale ?? "en-US"])}</p>\n` : "";
}

/** Escapes text for HTML element content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
