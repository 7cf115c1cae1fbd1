import { writeFile } from "node:fs/promises";
import { chartOfKind, chartTitleIn, checkChartKind, defaultChartKind, type ChartLocale } from "../../charts";
import { questionLabelIn } from "../../codebook";
import { SurveyError } from "../../errors";
import { estimate } from "../../estimate";
import { renderPng, renderSvg } from "../../render";
import { warningSummary } from "../../report";
import { loadSurvey } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";

const usage = `Usage: svyprop chart FILE --codebook CODEBOOK --question ID --out PATH
                     [--type bar|grouped|stacked|likert|forest|multi] [--by QUESTION]
                     [--format vl.json|svg|png] [--locale en-US|fr-FR] [--title TEXT]
                     [--method M] [--level L] [--scale S] [--strict]

Draws one question's estimates with their confidence intervals. The type defaults to the
question's (likert, multi-select bars, grouped bars with --by, else bars); binary questions
show their positive answer (both answers when stacked). The format defaults to PATH's extension. --strict stops at the
first bad row or warning (a question left without an estimate).`;

const FORMATS = ["vl.json", "svg", "png"] as const;

export const chartCommand: Command = defineCommand({
  name: "chart",
  summary: "Draw a question as a Vega-Lite spec, SVG or PNG",
  usage,
  options: {
    codebook: { type: "string" },
    question: { type: "string" },
    out: { type: "string" },
    type: { type: "string" },
    by: { type: "string" },
    format: { type: "string" },
    locale: { type: "string", default: "en-US" },
    title: { type: "string" },
    ...INTERVAL_OPTIONS,
    scale: { type: "string", default: "2" },
    strict: { type: "boolean" },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || values.codebook === undefined || values.question === undefined || values.out === undefined) {
      io.stderr(`svyprop chart: FILE, --codebook, --question and --out are required\n\n${usage}\n`);
      return ExitCode.usage;
    }
    const format = values.format ?? FORMATS.find((extension) => values.out!.endsWith(`.${extension}`));
    if (format === undefined || !(FORMATS as readonly string[]).includes(format)) {
      io.stderr(`svyprop chart: --format must be one of ${FORMATS.join(", ")} (or --out must end with one)\n`);
      return ExitCode.usage;
    }
    if (values.locale !== "en-US" && values.locale !== "fr-FR") {
      io.stderr(`svyprop chart: --locale must be en-US or fr-FR (got "${values.locale}")\n`);
      return ExitCode.usage;
    }
    const locale: ChartLocale = values.locale;
    const survey = await loadSurvey(file, { codebook: values.codebook, strict: values.strict === true });
    const question = survey.codebook.questions.find((q) => q.id === values.question);
    if (question === undefined) throw new SurveyError("E_UNKNOWN_QUESTION", `no question "${values.question}" in the codebook`);
    const kind = values.type ?? defaultChartKind(question.type, values.by !== undefined);
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
    if (format === "vl.json") await writeFile(values.out, `${JSON.stringify(spec, null, 2)}\n`);
    if (format === "svg") await writeFile(values.out, await renderSvg(spec));
    if (format === "png") await writeFile(values.out, await renderPng(spec, { scale: Number(values.scale) }));
    io.stdout(`Chart written to ${values.out}\n`);
    const warnings = warningSummary(survey.report, [question.id, ...(values.by === undefined ? [] : [values.by])]);
    if (warnings !== "") io.stderr(warnings);
    return ExitCode.ok;
  },
});
