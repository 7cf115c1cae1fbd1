import { stat } from "node:fs/promises";
import type { Codebook } from "../../codebook";
import { samplingStages } from "../../codebook/samplingStages";
import type { Encoding } from "../../load";
import { SurveyError } from "../../errors";
import type { ChartLocale } from "../../charts";
import { calibrationOf, estimate as estimateQuestion, estimatesFromTallies, localizeLabels } from "../../estimate";
import { CI_METHODS } from "../../stats/proportionCI";
import { calibrationSummary, numericTable, toMarkdown, validationSummary, warningSummary } from "../../report";
import type { CalibrationResult } from "../../stats/design";
import type { SurveyCIMethod } from "../../stats/surveyProportionCI";
import { designStreamRefusal, LONELY_PSU_OPTIONS, streamableDesign, tallyFile, type LonelyPsu } from "../../tally";
import { loadSurvey, resolveCodebook, throwOnWarning, type ValidationReport } from "../../survey";
import type { CIMethod, Estimate } from "../../types";
import { type CliIO, type Command, defineCommand, ExitCode } from "../command";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";
import { localeOption, encodingOption, sharedOptions } from "../sharedOptions";
import { createProgressBar } from "../progressBar";
import { missingArguments } from "../usageError";
import { estimateThroughSql, SQL_SOURCE_OPTIONS, sqlSourceOf } from "../sqlEstimate";
import { numericQuestionIds, numericSummaries } from "../numericSummaries";

/** Files larger than this are streamed (bounded memory) unless the options need every row in memory. */
const STREAM_FROM_BYTES = 32 * 1024 * 1024;

const usage = `Usage: svyprop estimate FILE --codebook CODEBOOK [--question ID …] [--method M] [--level L]
                        [--by QUESTION] [--lonely-psu MODE] [--strict] [--json] [--stream] [--quiet]
                        [--locale en-US|fr-FR] [--encoding utf-8|windows-1252|latin1]
                        [--engine duckdb|svyprop] [--table TABLE]
       svyprop estimate --from-tally RESULT.csv --codebook CODEBOOK [options above]

Prints one Estimate row per category of each question (all categorical questions by default):
count, base, percentage and its confidence interval. A numeric question named with --question
is summarised instead: n, the mean with its interval (t on the design's degrees of freedom) and
the quartiles (R svyquantile's rule and Woodruff interval; --json adds "means" and "quantiles"). --json prints { "estimates": [...], "report": {...} }.
Methods: wilson (default), wilson-cc, clopper-pearson, jeffreys, agresti-coull, logit, wald; for a
weighted, stratified, clustered or calibrated design: logit (default), beta, mean, xlogit, asin,
likelihood, wilson (R survey 4.5's, at the effective sample size; a simple random sample takes
these too, except logit and wilson, as R's svydesign(ids = ~1, fpc = ~N)); counts are unweighted, percentages weighted. --locale fr-FR writes the codebook's
French labels and French numbers. --strict stops at the first bad row or warning (a question
left without an estimate). --lonely-psu sets how a stratum with
one PSU counts (fail, the default as in R; certainty, remove, adjust, average), overriding the
codebook's design.lonelyPsu. A design with calibration (postStratify or rake in the codebook)
prints whether the raking converged.
Files over 32 MB (or any file with --stream) are tallied in one streaming pass on both cores, in
bounded memory, with a progress bar on a terminal (not with --json or --quiet); a design of
weights, strata and clusters streams too (its per-stratum and per-PSU sums). --by, a
calibration, replicate weights, a multistage design, an fpc without a weights column and the
likelihood interval need every row in memory: those files are read whole.
A .parquet file, a .duckdb database (its table named with --table), or any file with --engine
duckdb is read by DuckDB (the optional package @duckdb/node-api): DuckDB runs svyprop's tally
query (svyprop sql prints it) on every core, and svyprop codes the grouped answers and finishes
the estimates, the same rows as read whole. --from-tally reads that query's result computed on
your own warehouse and saved as CSV. Through SQL, bad values and skip-logic violations are
counted per value, not listed by row; --by, numeric questions, calibration and replicate weights
need svyprop's own reader.`;

export const estimateCommand: Command = defineCommand({
  name: "estimate",
  summary: "Proportions with confidence intervals for a survey file",
  usage,
  arguments: ["FILE"],
  options: {
    codebook: { type: "string" },
    question: { type: "string", multiple: true },
    ...INTERVAL_OPTIONS,
    by: { type: "string" },
    "lonely-psu": { type: "string" },
    stream: { type: "boolean" },
    ...SQL_SOURCE_OPTIONS,
    ...sharedOptions("json", "quiet", "locale", "strict", "encoding"),
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    const sqlSource = sqlSourceOf(file, values);
    if ((file === undefined && sqlSource === undefined) || values.codebook === undefined) {
      throw missingArguments({ FILE: file, "--codebook": values.codebook });
    }
    const locale = localeOption(values.locale);
    const codebook = await resolveCodebook(values.codebook);
    const named = values.question ?? codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
    // A numeric question named with --question is summarised (mean and quartiles), not estimated.
    const numericIds = numericQuestionIds(codebook, named);
    const questions = named.filter((id) => !numericIds.includes(id));
    const interval = {
      ...intervalOptions(values),
    };
    const lonelyPsu = values["lonely-psu"];
    if (lonelyPsu !== undefined && !(LONELY_PSU_OPTIONS as readonly string[]).includes(lonelyPsu)) {
      throw new SurveyError("E_ARGUMENT", `--lonely-psu must be one of ${LONELY_PSU_OPTIONS.join(", ")} (got ${lonelyPsu})`);
    }
    const inMemoryOnly =
      numericIds.length > 0 ? "the mean and quartiles of a numeric question need every row in memory" : whyRowsAreNeeded(codebook, values.by, values.method);
    if (values.stream && inMemoryOnly) throw new SurveyError("E_ARGUMENT", `--stream cannot be used here: ${inMemoryOnly}; drop --stream`);
    const stream = sqlSource === undefined && !inMemoryOnly && (values.stream === true || (await stat(file as string)).size > STREAM_FROM_BYTES);
    let rows: Estimate[];
    let report: ValidationReport;
    let calibration: CalibrationResult | undefined;
    let numeric: ReturnType<typeof numericSummaries> = { means: [], quantiles: [], weighted: false };
    if (sqlSource) {
      const sql = { ...interval, locale, strict: values.strict === true, ...(lonelyPsu === undefined ? {} : { lonelyPsu: lonelyPsu as LonelyPsu }) };
      ({ rows, report } = await estimateThroughSql(sqlSource, codebook, named, sql));
    } else if (stream) {
      const showProgress = io.isTTY && !values.json && !values.quiet;
      ({ rows, report } = await estimateStreamed(file as string, codebook, questions, { ...interval, ...(lonelyPsu === undefined ? {} : { lonelyPsu: lonelyPsu as LonelyPsu }) }, showProgress ? io : undefined, locale, encodingOption(values.encoding)));
      if (values.strict) throwOnWarning(report.warnings ?? []);
      if (values.strict && report.issues[0]) {
        const first = report.issues[0];
        throw new SurveyError(first.code, first.reason, first);
      }
    } else {
      const design = lonelyPsu === undefined ? {} : { design: { lonelyPsu: lonelyPsu as LonelyPsu } };
      const survey = await loadSurvey(file as string, { codebook, strict: values.strict === true, ...encodingOption(values.encoding), ...design });
      rows = questions.flatMap((id) => estimateQuestion(survey, id, { ...interval, locale, ...(values.by === undefined ? {} : { by: values.by }) }));
      numeric = numericSummaries(survey, numericIds, { ...(interval.level === undefined ? {} : { level: interval.level }), ...(values.by === undefined ? {} : { by: values.by }), locale });
      report = survey.report;
      calibration = calibrationOf(survey);
    }
    if (values.json) {
      const calibrationRecord = calibration && {
        method: calibration.kind,
        margins: calibration.margins.map((m) => m.name),
        iterations: calibration.iterations,
        converged: calibration.converged,
        maxDiscrepancy: calibration.maxDiscrepancy,
      };
      const numericRecord = numericIds.length > 0 ? { means: numeric.means, quantiles: numeric.quantiles } : {};
      io.stdout(`${JSON.stringify({ estimates: rows, ...numericRecord, report, ...(calibrationRecord ? { calibration: calibrationRecord } : {}) }, null, 2)}\n`);
      if (report.warnings?.length) io.stderr(warningSummary(report));
    } else {
      if (rows.length > 0 || numericIds.length === 0) io.stdout(toMarkdown(rows, { locale }));
      if (numericIds.length > 0) io.stdout(numericTable(numeric.means, numeric.quantiles, { locale, weighted: numeric.weighted }));
      if (!values.quiet) io.stderr(validationSummary(report));
      else if (report.warnings?.length) io.stderr(warningSummary(report));
      if (calibration && (!values.quiet || !calibration.converged)) io.stderr(calibrationSummary(calibration));
    }
    return ExitCode.ok;
  },
});

/** Why the estimates need every respondent's row in memory, or undefined when one streaming pass will do. */
function whyRowsAreNeeded(codebook: Codebook, by: string | undefined, method: string | undefined): string | undefined {
  const design = codebook.design ?? {};
  const namesColumns =
    design.weights !== undefined || design.strata !== undefined || design.cluster !== undefined || typeof design.fpc === "string" || Array.isArray(design.fpc) || design.calibration !== undefined;
  if (by !== undefined) return "--by needs every row in memory";
  const refusal = namesColumns ? designStreamRefusal(codebook.design) : undefined;
  if (refusal !== undefined) return refusal;
  if (namesColumns && method === "likelihood") return 'the "likelihood" interval needs every row in memory (a logistic fit on every weight)';
  if (!namesColumns && method !== undefined && !(CI_METHODS as readonly string[]).includes(method)) {
    return `method ${method} on a simple random sample goes through the design path, which needs every row in memory`;
  }
  return undefined;
}

/** Tallies the file in one streaming pass and turns the tallies into Estimate rows. */
async function estimateStreamed(
  file: string,
  codebook: Codebook,
  questions: string[],
  interval: { method?: CIMethod | SurveyCIMethod; level?: number; lonelyPsu?: LonelyPsu },
  progressTo: CliIO | undefined,
  locale: ChartLocale,
  read: { encoding?: Encoding },
): Promise<{ rows: Estimate[]; report: ValidationReport }> {
  const progress = progressTo ? createProgressBar(progressTo, (await stat(file)).size) : undefined;
  const { tallies, report, designTallies } = await tallyFile(file, codebook, {
    ...read,
    ...(progress ? { onProgress: progress.update } : {}),
    designTallies: streamableDesign(codebook.design),
  });
  progress?.done();
  const rows = localizeLabels(estimatesFromTallies({ tallies, designTallies, rowsRead: report.rowsRead }, codebook, questions, interval), codebook, locale);
  return { rows, report };
}
