import { CHART_KINDS, chartOfKind, chartTitleIn, checkChartKind, defaultChartKind } from "../../charts";
import { questionLabelIn } from "../../codebook";
import { SurveyError } from "../../errors";
import { estimate } from "../../estimate";
import { renderPng, renderSvg } from "../../render";
import { warningSummary } from "../../report";
import { loadSurvey } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { didYouMean } from "../didYouMean";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";
import { outputFormat, writeOutputFile } from "../outputFile";
import { localeOption, encodingOption, sharedOptions } from "../sharedOptions";
import { missingArguments, UsageError } from "../usageError";

const usage = `Usage: svyprop chart FILE --codebook CODEBOOK --question ID --out PATH
                     [--type bar|grouped|stacked|likert|forest|multi] [--by QUESTION]
                     [--format vl.json|svg|png] [--locale en-US|fr-FR] [--title TEXT]
                     [--method M] [--level L] [--scale S] [--strict] [--quiet]
                     [--encoding utf-8|windows-1252|latin1]

Draws one question's estimates with their confidence intervals. The type defaults to the
question's (likert, multi-select bars, grouped bars with --by, else bars); binary questions
show their positive answer (both answers when stacked). The format defaults to PATH's extension. --strict stops at the
first bad row or warning (a question left without an estimate).`;

/** The formats chart writes, by --out extension (or --format). */
const FORMATS = ["vl.json", "svg", "png"] as const;

export const chartCommand: Command = defineCommand({
  name: "chart",
  summary: "Draw a question as a Vega-Lite spec, SVG or PNG",
  usage,
  arguments: ["FILE"],
  options: {
    codebook: { type: "string" },
    question: { type: "string" },
    type: { type: "string" },
    by: { type: "string" },
    format: { type: "string" },
    title: { type: "string" },
    ...sharedOptions("out", "locale", "quiet", "strict", "encoding"),
    ...INTERVAL_OPTIONS,
    scale: { type: "string", default: "2" },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || values.codebook === undefined || values.question === undefined || values.out === undefined) {
      throw missingArguments({ FILE: file, "--codebook": values.codebook, "--question": values.question, "--out": values.out });
    }
    const format = chartFormat(values.out, values.format);
    const locale = localeOption(values.locale);
    const survey = await loadSurvey(file, { codebook: values.codebook, strict: values.strict === true, ...encodingOption(values.encoding) });
    const question = survey.codebook.questions.find((q) => q.id === values.question);
    if (question === undefined) {
      const ids = survey.codebook.questions.map((q) => q.id);
      throw new SurveyError("E_UNKNOWN_QUESTION", `no question "${values.question}" in the codebook${didYouMean(values.question, ids)}`);
    }
    const kind = values.type ?? defaultChartKind(question.type, values.by !== undefined);
    const kinds = Object.keys(CHART_KINDS);
    if (!kinds.includes(kind)) throw new UsageError(`--type must be one of ${kinds.join(", ")} (got "${kind}")${didYouMean(kind, kinds)}`);
    checkChartKind(kind, question, values.by !== undefined);
    const rows = estimate(survey, question.id, {
      ...intervalOptions(values),
      locale,
      ...(values.by === undefined ? {} : { by: values.by }),
    }).filter((row) => question.type !== "binary" || kind === "stacked" || row.category === "yes"); // a stack shows both answers
    const byQuestion = survey.codebook.questions.find((q) => q.id === values.by);
    const source = survey.codebook.source?.citation;
    const spec = chartOfKind(kind, rows, {
      locale,
      title: values.title ?? chartTitleIn(question, locale),
      ...(source === undefined ? {} : { source }),
      ...(byQuestion === undefined
        ? {}
        : {
            groupTitle: questionLabelIn(byQuestion, locale),
          }),
    });
    if (format === "vl.json") await writeOutputFile(values.out, `${JSON.stringify(spec, null, 2)}\n`);
    if (format === "svg") await writeOutputFile(values.out, await renderSvg(spec));
    if (format === "png") await writeOutputFile(values.out, await renderPng(spec, { scale: Number(values.scale) }));
    if (!values.quiet) io.stdout(`Chart written to ${values.out}\n`);
    const warnings = warningSummary(survey.report, [question.id, ...(values.by === undefined ? [] : [values.by])]);
    if (warnings !== "") io.stderr(warnings);
    return ExitCode.ok;
  },
});

/** The format from --out's extension, or --format (which --out's extension, if it has a known one, must agree with). */
function chartFormat(out: string, format: string | undefined): (typeof FORMATS)[number] {
  if (format === undefined) return outputFormat("chart", out, FORMATS);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got "${format}")`);
  const extension = FORMATS.find((known) => out.toLowerCase().endsWith(`.${known}`));
  if (extension !== undefined && extension !== format) throw new UsageError(`--out "${out}" ends in .${extension} but --format is ${format}: make them agree`);
  return format as (typeof FORMATS)[number];
}
