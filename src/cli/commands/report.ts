import { writeFile } from "node:fs/promises";
import { chartGroups, chartOfKind, defaultChartKind, type ChartLocale } from "../../charts";
import { estimate } from "../../estimate";
import { toCsv, toHtml, toJson, toMarkdown, validationSummary } from "../../report";
import { renderSvg } from "../../render";
import { loadSurvey } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";

const usage = `Usage: svyprop report FILE --codebook CODEBOOK --out PATH [--question ID …]
                      [--locale en-US|fr-FR] [--decimals D] [--method M] [--level L] [--strict]

Writes every categorical question's estimates (or the --question ones) as a report whose
format follows PATH's extension: .html (a self-contained page with a chart and a table per
question group), .md (tables), .csv (one row per estimate, spreadsheet-safe) or .json.
--strict stops at the first bad row or warning (a question left without an estimate).`;

export const reportCommand: Command = defineCommand({
  name: "report",
  summary: "Write a report (HTML with charts, Markdown, CSV or JSON) of a survey file",
  usage,
  options: {
    codebook: { type: "string" },
    out: { type: "string" },
    question: { type: "string", multiple: true },
    locale: { type: "string", default: "en-US" },
    decimals: { type: "string", default: "0" },
    strict: { type: "boolean" },
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
    const locale: ChartLocale = values.locale;
    const format = { locale, decimals: Number(values.decimals) };
    const survey = await loadSurvey(file, { codebook: values.codebook, strict: values.strict === true });
    const { codebook } = survey;
    const questions = values.question ?? codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
    const rows = questions.flatMap((id) =>
      estimate(survey, id, {
        ...intervalOptions(values),
        locale,
      }),
    );
    const out = values.out;
    if (out.endsWith(".md")) await writeFile(out, toMarkdown(rows, format));
    else if (out.endsWith(".csv")) await writeFile(out, toCsv(rows, { locale }));
    else if (out.endsWith(".json")) await writeFile(out, toJson(rows));
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
      await writeFile(out, toHtml({ title: codebook.title ?? file, ...(source === undefined ? {} : { subtitle: source }), sections }, format));
    }
    io.stdout(`Report written to ${out}\n`);
    io.stderr(validationSummary(survey.report));
    return ExitCode.ok;
  },
});
