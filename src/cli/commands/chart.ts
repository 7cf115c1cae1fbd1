import type { TopLevelSpec } from "vega-lite";
import { CHART_KINDS, type ChartOptions, chartOfKind, chartTitleIn, checkChartKind, defaultChartKind, meanChart } from "../../charts";
import { type Codebook, type Question, questionLabelIn } from "../../codebook";
import { SurveyError } from "../../errors";
import { estimateMean } from "../../estimate";
import { estimateSource } from "../../estimate/estimateSource";
import type { Encoding } from "../../load";
import { renderPng, renderSvg } from "../../render";
import { warningSummary } from "../../report";
import { loadSurvey, resolveCodebook, type ValidationReport } from "../../survey";
import { labelledIn } from "../numericSummaries";
import { type Command, defineCommand, ExitCode } from "../command";
import { didYouMean } from "../didYouMean";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";
import { outputFormat, writeOutputFile } from "../outputFile";
import { localeOption, encodingOption, sharedOptions } from "../sharedOptions";
import { streamOption } from "../streamOption";
import { missingArguments, UsageError } from "../usageError";

const usage = `Usage: svyprop chart FILE --codebook CODEBOOK --question ID --out PATH
                     [--type bar|grouped|stacked|likert|forest|multi|mean] [--by QUESTION]
                     [--format vl.json|svg|png] [--locale en-US|fr-FR] [--title TEXT]
                     [--method M] [--level L] [--scale S] [--strict] [--quiet]
                     [--encoding utf-8|windows-1252|latin1]

Draws one question's estimates with their confidence intervals. The type defaults to the
question's (likert, multi-select bars, grouped bars with --by, else bars); binary questions
show their positive answer (both answers when stacked). mean (the default for a numeric question)
draws the mean with its interval (t on the design's degrees of freedom, as R svymean), of a
numeric question or of a Likert question's levels 1…k, per group with --by. The format defaults to PATH's extension. --strict stops at the
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
    stream: { type: "boolean" },
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
    const codebook = await resolveCodebook(values.codebook);
    const question = codebook.questions.find((q) => q.id === values.question);
    if (question === undefined) {
      const ids = codebook.questions.map((q) => q.id);
      throw new SurveyError("E_UNKNOWN_QUESTION", `no question "${values.question}" in the codebook${didYouMean(values.question, ids)}`);
    }
    const kind = values.type ?? (question.type === "numeric" ? "mean" : defaultChartKind(question.type, values.by !== undefined));
    const kinds = [...Object.keys(CHART_KINDS), "mean"];
    if (!kinds.includes(kind)) throw new UsageError(`--type must be one of ${kinds.join(", ")} (got "${kind}")${didYouMean(kind, kinds)}`);
    const byQuestion = codebook.questions.find((q) => q.id === values.by);
    const source = codebook.source?.citation;
    const chartOptions = {
      locale,
      title: values.title ?? chartTitleIn(question, locale),
      ...(source === undefined ? {} : { source }),
      ...(byQuestion === undefined ? {} : { groupTitle: questionLabelIn(byQuestion, locale) }),
    };
    const by = values.by === undefined ? {} : { by: values.by };
    const read = { strict: values.strict === true, ...encodingOption(values.encoding) };
    const { spec, report } =
      kind === "mean" ? await meanChartOf(file, codebook, question, values, by, read, chartOptions) : await proportionChart(file, codebook, question, kind, values, by, read, chartOptions);
    if (format === "vl.json") await writeOutputFile(values.out, `${JSON.stringify(spec, null, 2)}\n`);
    if (format === "svg") await writeOutputFile(values.out, await renderSvg(spec));
    if (format === "png") await writeOutputFile(values.out, await renderPng(spec, { scale: Number(values.scale) }));
    if (!values.quiet) io.stdout(`Chart written to ${values.out}\n`);
    const warnings = warningSummary(report, [question.id, ...(values.by === undefined ? [] : [values.by])]);
    if (warnings !== "") io.stderr(warnings);
    return ExitCode.ok;
  },
});

/** What reading the file takes: strict mode and the encoding. */
type ReadOptions = { strict: boolean; encoding?: Encoding };

/** The mean chart of a numeric or Likert question (from the file read whole: a mean needs every row), and the file's validation report. */
async function meanChartOf(
  file: string,
  codebook: Codebook,
  question: Question,
  values: { method?: string | undefined; level?: string | undefined; stream?: boolean | undefined },
  by: { by?: string },
  read: ReadOptions,
  options: ChartOptions,
): Promise<{ spec: TopLevelSpec; report: ValidationReport }> {
  if (question.type !== "numeric" && question.type !== "likert") {
    throw new UsageError(`--type mean draws numeric questions and Likert items (the mean of their levels); question "${question.id}" is ${question.type}`);
  }
  if (values.method !== undefined) throw new UsageError("--method sets a proportion's interval; a mean's is mean ± t·SE: leave --method out with --type mean");
  streamOption(values.stream, codebook, { questions: [], summarised: [question.id] });
  const { level } = intervalOptions(values);
  const survey = await loadSurvey(file, { codebook, ...read });
  const rows = estimateMean(survey, question.id, { ...by, ...(level === undefined ? {} : { level }) });
  return { spec: meanChart(labelledIn(rows, codebook, by.by, options.locale ?? "en-US"), options), report: survey.report };
}

/** A proportion chart of `kind` (checked to fit the question), from the engine `estimateSource` picks, and the file's validation report. */
async function proportionChart(
  file: string,
  codebook: Codebook,
  question: Question,
  kind: string,
  values: { method?: string | undefined; level?: string | undefined; stream?: boolean | undefined },
  by: { by?: string },
  read: ReadOptions,
  options: ChartOptions,
): Promise<{ spec: TopLevelSpec; report: ValidationReport }> {
  checkChartKind(kind, question, by.by !== undefined);
  const stream = streamOption(values.stream, codebook, { questions: [question.id], summarised: [], method: values.method });
  const { estimates, report } = await estimateSource(file, codebook, {
    questions: [question.id],
    ...intervalOptions(values),
    ...(options.locale ? { locale: options.locale } : {}),
    ...by,
    ...read,
    stream,
  });
  const rows = estimates.filter(
    (row) => question.type !== "binary" || kind === "stacked" || row.category === "yes", // a stack shows both answers
  );
  return { spec: chartOfKind(kind, rows, options), report };
}

/** The format from --out's extension, or --format (which --out's extension, if it has a known one, must agree with). */
function chartFormat(out: string, format: string | undefined): (typeof FORMATS)[number] {
  if (format === undefined) return outputFormat("chart", out, FORMATS);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got "${format}")`);
  const extension = FORMATS.find((known) => out.toLowerCase().endsWith(`.${known}`));
  if (extension !== undefined && extension !== format) throw new UsageError(`--out "${out}" ends in .${extension} but --format is ${format}: make them agree`);
  return format as (typeof FORMATS)[number];
}
