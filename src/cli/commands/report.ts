import { writeFile } from "node:fs/promises";
import type { ChartLocale } from "../../charts";
import { toCsv, toHtml, toJson, toMarkdown, validationSummary } from "../../report";
import { renderSvg } from "../../render";
import { loadSurvey } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { documentDate } from "../documentDate";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";
import { surveyReport } from "../reportSections";

const usage = `Usage: svyprop report FILE --codebook CODEBOOK --out PATH [--question ID …]
                      [--locale en-US|fr-FR] [--decimals D] [--method M] [--level L]
                      [--page-size A4|Letter]

Writes every categorical question's estimates (or the --question ones) as a report whose
format follows PATH's extension: .html (a self-contained page with a chart and a table per
question group), .pdf (the same, paginated, A4 or Letter; default Letter in English, A4 in
French), .xlsx (an Excel workbook: one sheet per question group with numbers and percent
formats, and a Notes sheet with the rows read, used and left out), .md (tables), .csv (one
row per estimate, spreadsheet-safe) or .json. PDF and Excel files are dated now, or by
SOURCE_DATE_EPOCH when set (same input and date, same bytes).`;

export const reportCommand: Command = defineCommand({
  name: "report",
  summary: "Write a report (HTML or PDF with charts, Excel, Markdown, CSV or JSON) of a survey file",
  usage,
  options: {
    codebook: { type: "string" },
    out: { type: "string" },
    question: { type: "string", multiple: true },
    locale: { type: "string", default: "en-US" },
    decimals: { type: "string", default: "0" },
    "page-size": { type: "string" },
    ...INTERVAL_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || values.codebook === undefined || values.out === undefined) {
      io.stderr(`svyprop report: FILE, --codebook and --out are required\n\n${usage}\n`);
      return ExitCode.usage;
    }
    if (values.locale !== "en-US" && values.locale !== "fr-FR") {
      io.stderr(`svyprop report: --locale must be en-US or fr-FR (got "${values.locale}")\n`);
      return ExitCode.usage;
    }
    const pageSize = values["page-size"];
    if (pageSize !== undefined && pageSize !== "A4" && pageSize !== "Letter") {
      io.stderr(`svyprop report: --page-size must be A4 or Letter (got "${pageSize}")\n`);
      return ExitCode.usage;
    }
    const locale: ChartLocale = values.locale;
    const format = { locale, decimals: Number(values.decimals) };
    const survey = await loadSurvey(file, { codebook: values.codebook });
    const { rows, report } = surveyReport(survey, {
      file,
      ...(values.question === undefined ? {} : { questions: values.question }),
      ...format,
      interval: intervalOptions(values),
    });
    const out = values.out;
    if (out.endsWith(".md")) await writeFile(out, toMarkdown(rows, format));
    else if (out.endsWith(".csv")) await writeFile(out, toCsv(rows, { delimiter: locale === "fr-FR" ? ";" : "," }));
    else if (out.endsWith(".json")) await writeFile(out, toJson(rows));
    else if (out.endsWith(".xlsx")) {
      const { toXlsx } = await import("../../office");
      await writeFile(out, await toXlsx(report, { ...format, created: documentDate() }));
    }
    else if (out.endsWith(".pdf")) {
      const { toPdf } = await import("../../office");
      await writeFile(out, await toPdf(report, { ...format, created: documentDate(), ...(pageSize === undefined ? {} : { pageSize }) }));
    } else {
      const { title, source, sections } = report;
      const html = await Promise.all(sections.map(async ({ heading, chart, rows }) => ({ heading, svg: await renderSvg(chart), rows })));
      await writeFile(out, toHtml({ title, ...(source === undefined ? {} : { subtitle: source }), sections: html }, format));
    }
    io.stdout(`Report written to ${out}\n`);
    io.stderr(validationSummary(survey.report));
    return ExitCode.ok;
  },
});
