import { toCsv, toHtml, toJson, toMarkdown, validationSummary } from "../../report";
import { renderSvg } from "../../render";
import { resolveCodebook } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { documentDate } from "../documentDate";
import { INTERVAL_OPTIONS } from "../intervalOptions";
import { outputFormat, writeOutputFile } from "../outputFile";
import { estimateReported, surveyReport } from "../reportSections";
import { localeOption, sharedOptions } from "../sharedOptions";
import { missingArguments } from "../usageError";

const usage = `Usage: svyprop report FILE --codebook CODEBOOK --out PATH [--question ID …]
                      [--locale en-US|fr-FR] [--decimals D] [--method M] [--level L]
                      [--page-size A4|Letter] [--strict] [--quiet] [--encoding E]

Writes every categorical question's estimates (or the --question ones) as a report whose
format follows PATH's extension: .html (a self-contained page with a chart and a table per
question group), .pdf (the same, paginated, A4 or Letter; default Letter in English, A4 in
French), .xlsx (an Excel workbook: one sheet per question group with numbers and percent
formats, and a Notes sheet with the rows read, used and left out), .md (tables), .csv (one
row per estimate, spreadsheet-safe) or .json. PDF and Excel files are dated now, or by
SOURCE_DATE_EPOCH when set (same input and date, same bytes). --strict stops at the first bad
row or warning (a question left without an estimate).`;

/** The formats report writes, by --out extension. */
const FORMATS = ["html", "pdf", "xlsx", "md", "csv", "json"] as const;

export const reportCommand: Command = defineCommand({
  name: "report",
  summary: "Write a report (HTML or PDF with charts, Excel, Markdown, CSV or JSON) of a survey file",
  usage,
  arguments: ["FILE"],
  options: {
    codebook: { type: "string" },
    question: { type: "string", multiple: true },
    decimals: { type: "string", default: "0" },
    "page-size": { type: "string" },
    stream: { type: "boolean" },
    ...sharedOptions("out", "locale", "quiet", "strict", "encoding"),
    ...INTERVAL_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || values.codebook === undefined || values.out === undefined) {
      throw missingArguments({ FILE: file, "--codebook": values.codebook, "--out": values.out });
    }
    const out = values.out;
    const outFormat = outputFormat("report", out, FORMATS);
    const locale = localeOption(values.locale);
    const pageSize = values["page-size"];
    if (pageSize !== undefined && pageSize !== "A4" && pageSize !== "Letter") {
      io.stderr(`svyprop report: --page-size must be A4 or Letter (got "${pageSize}")\n`);
      return ExitCode.usage;
    }
    const format = { locale, decimals: Number(values.decimals) };
    const codebook = await resolveCodebook(values.codebook);
    const { estimates: rows, report: validation } = await estimateReported(file, codebook, values, io);
    const report = surveyReport(rows, codebook, validation, { file, ...format });
    if (outFormat === "md") await writeOutputFile(out, toMarkdown(rows, format));
    else if (outFormat === "csv") await writeOutputFile(out, toCsv(rows, { locale }));
    else if (outFormat === "json") await writeOutputFile(out, toJson(rows));
    else if (outFormat === "xlsx") {
      const { toXlsx } = await import("../../office");
      await writeOutputFile(out, await toXlsx(report, { ...format, created: documentDate() }));
    } else if (outFormat === "pdf") {
      const { toPdf } = await import("../../office");
      await writeOutputFile(out, await toPdf(report, { ...format, created: documentDate(), ...(pageSize === undefined ? {} : { pageSize }) }));
    } else {
      const { title, source, sections } = report;
      const html = await Promise.all(sections.map(async ({ heading, chart, rows }) => ({ heading, svg: await renderSvg(chart), rows })));
      await writeOutputFile(out, toHtml({ title, ...(source === undefined ? {} : { subtitle: source }), sections: html }, format));
    }
    if (!values.quiet) {
      io.stdout(`Report written to ${out}\n`);
      io.stderr(validationSummary(validation));
    }
    return ExitCode.ok;
  },
});
