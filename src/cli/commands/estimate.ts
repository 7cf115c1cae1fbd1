import { SurveyError } from "../../errors";
import { estimateSource } from "../../estimate/estimateSource";
import { calibrationSummary, numericTable, toMarkdown, validationSummary, warningSummary } from "../../report";
import type { CalibrationResult } from "../../stats/design";
import { LONELY_PSU_OPTIONS, type LonelyPsu } from "../../tally";
import { resolveCodebook, type ValidationReport } from "../../survey";
import type { Estimate } from "../../types";
import { type Command, defineCommand, ExitCode } from "../command";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";
import { localeOption, encodingOption, sharedOptions } from "../sharedOptions";
import { streamProgressBar } from "../progressBar";
import { streamOption } from "../streamOption";
import { missingArguments } from "../usageError";
import { estimateThroughSql, SQL_SOURCE_OPTIONS, sqlSourceOf } from "../sqlEstimate";
import { numericQuestionIds, numericSummaries } from "../numericSummaries";

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
weights, strata and clusters streams too (its per-stratum and per-PSU sums), and so does --by
(each question counted per group, a design's sums kept per group). A calibration, replicate
weights, a multistage design, an fpc without a weights column and the likelihood interval need
every row in memory: those files are read whole.
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
    const interval = {
      ...intervalOptions(values),
    };
    const lonelyPsu = values["lonely-psu"];
    if (lonelyPsu !== undefined && !(LONELY_PSU_OPTIONS as readonly string[]).includes(lonelyPsu)) {
      throw new SurveyError("E_ARGUMENT", `--lonely-psu must be one of ${LONELY_PSU_OPTIONS.join(", ")} (got ${lonelyPsu})`);
    }
    const questions = named.filter((id) => !numericIds.includes(id));
    const asked = { questions, summarised: numericIds, method: values.method };
    const stream = streamOption(values.stream, codebook, asked);
    let rows: Estimate[];
    let report: ValidationReport;
    let calibration: CalibrationResult | undefined;
    let numeric: ReturnType<typeof numericSummaries> = { means: [], quantiles: [], weighted: false };
    const lonely = lonelyPsu === undefined ? {} : { lonelyPsu: lonelyPsu as LonelyPsu };
    if (sqlSource) {
      const sql = { ...interval, locale, strict: values.strict === true, ...lonely };
      ({ rows, report } = await estimateThroughSql(sqlSource, codebook, named, sql));
    } else {
      const progress = io.isTTY && !values.json && !values.quiet ? streamProgressBar(io) : undefined;
      const estimated = await estimateSource(file as string, codebook, {
        questions,
        summarised: numericIds,
        ...interval,
        ...lonely,
        ...(values.by === undefined ? {} : { by: values.by }),
        locale,
        strict: values.strict === true,
        ...encodingOption(values.encoding),
        stream,
        ...(progress ? { onProgress: progress.update } : {}),
      });
      progress?.done();
      ({ estimates: rows, report } = estimated);
      if (estimated.engine === "memory") {
        const summary = { ...(interval.level === undefined ? {} : { level: interval.level }), ...(values.by === undefined ? {} : { by: values.by }), locale };
        numeric = numericSummaries(estimated.survey, numericIds, summary);
        calibration = estimated.calibration;
      }
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
