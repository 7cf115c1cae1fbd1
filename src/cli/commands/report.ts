import { chartGroups, chartOfKind, defaultChartKind } from "../../charts";
import { estimate } from "../../estimate";
import { toCsv, toHtml, toJson, toMarkdown, validationSummary } from "../../report";
import { renderSvg } from "../../render";
import { loadSurvey } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";
import { outputFormat, writeOutputFile } from "../outputFile";
import { localeOption, sharedOptions } from "../sharedOptions";
import { missingArguments } from "../usageError";

const usage = `Usage: svyprop report FILE --codebook CODEBOOK --out PATH [--question ID …]
                      [--locale en-US|fr-FR] [--decimals D] [--method M] [--level L] [--quiet]

Writes every categorical question's estimates (or the --question ones) as a report whose
format follows PATH's extension: .html (a self-contained page with a chart and a table per
question group), .md (tables), .csv (one row per estimate, spreadsheet-safe) or .json.`;

/** The formats report writes, by --out extension. */
const FORMATS = ["html", "md", "csv", "json"] as const;

export const reportCommand: Command = defineCommand({
  name: "report",
  summary: "Write a report (HTML with charts, Markdown, CSV or JSON) of a survey file",
  usage,
  arguments: ["FILE"],
  options: {
    codebook: { type: "string" },
    question: { type: "string", multiple: true },
    decimals: { type: "string", default: "0" },
    ...sharedOptions("out", "locale", "quiet"),
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
    const format = { locale, decimals: Number(values.decimals) };
    const survey = await loadSurvey(file, { codebook: values.codebook });
    const { codebook } = survey;
    const questions = values.question ?? codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
    const rows = questions.flatMap((id) =>
      estimate(survey, id, {
        ...intervalOptions(values),
      }),
    );
    if (outFormat === "md") await writeOutputFile(out, toMarkdown(rows, format));
    else if (outFormat === "csv") await writeOutputFile(out, toCsv(rows, { delimiter: locale === "fr-FR" ? ";" : "," }));
    else if (outFormat === "json") await writeOutputFile(out, toJson(rows));
    else {
      const source = codebook.source?.citation;
      const sections = await Promise.all(
        chartGroups(rows, codebook, locale).map(async (group) => {
          const type = codebook.questions.find((q) => q.id === group.rows[0]?.question)?.type ?? "binary";
          const spec = chartOfKind(defaultChartKind(type, false), group.rows, {
            locale,
            decimals: format.decimals,
            // Answers of one question keep the codebook's order; separate questions sort by size.
            order: type === "binary" ? "descending" : "input",
            ...(source === undefined ? {} : { source }),
          });
          return { heading: group.title, svg: await renderSvg(spec), rows: group.rows };
        }),
      );
      await writeOutputFile(out, toHtml({ title: codebook.title ?? file, ...(source === undefined ? {} : { subtitle: source }), sections }, format));
    }
    if (!values.quiet) {
      io.stdout(`Report written to ${out}\n`);
      io.stderr(validationSummary(survey.report));
    }
    return ExitCode.ok;
  },
});
