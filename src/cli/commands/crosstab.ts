import { SurveyError } from "../../errors";
import type { CrosstabOptions } from "../../estimate";
import { crosstabSource } from "../../estimate/crosstabSource";
import { P_ADJUSTMENTS, type PAdjustment } from "../../stats/adjustPValues";
import { columnComparisonsTable, formatAssociationTest, toMarkdown, validationSummary, warningSummary } from "../../report";
import { resolveCodebook } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";
import { localeOption, encodingOption, sharedOptions } from "../sharedOptions";
import { missingArguments } from "../usageError";
import { optionCount } from "../optionCount";
import { streamProgressBar } from "../progressBar";
import { streamOption } from "../streamOption";

const usage = `Usage: svyprop crosstab FILE --codebook CODEBOOK --rows QUESTION --cols QUESTION
                        [--test pearson|fisher|F|Chisq] [--no-correction] [--method M] [--level L]
                        [--simulate-p-value [--replicates B] [--seed S]]
                        [--compare-columns [--adjust holm|bonferroni] [--alpha A]]
                        [--json] [--quiet] [--strict] [--stream] [--locale en-US|fr-FR]
                        [--encoding utf-8|windows-1252|latin1]

The rows question's answers within each answer to the cols question, with their confidence
intervals, and a test of independence among the respondents who answered both: on a simple
random sample Pearson's chi-square (default; Yates-corrected for 2 × 2 unless --no-correction,
as R chisq.test) or Fisher's exact test (r × c by the network algorithm, as R fisher.test; a
table too large for it is refused with the limit named: --simulate-p-value then estimates p from
B random tables, default 2000, with seed S, default 1, as R's simulate.p.value); on a weighted, stratified or clustered design the
Rao–Scott F (default) or Chisq test (R svychisq).
--compare-columns adds which columns differ for each row answer, with letters as survey tables
print them: a cell gets the letter of each column it is significantly greater than (pooled
two-proportion z-tests on a simple random sample, as R prop.test; on a design the design SE of
the difference and t, as R svyttest: linearised, from the calibration residuals when
post-stratified or raked, or the replicate variance), Holm- (default) or Bonferroni-adjusted within each row
at --alpha (default 0.05); --json adds "columnComparisons" with every pair's test. --json prints { "estimates", "test", "report" }.
--strict stops at the first bad row or warning (a question left without an estimate).
Files over 32 MB (or any file with --stream) are tallied in one streaming pass on both cores, in
bounded memory (the rows question counted per answer to the cols question; on a design of
weights, strata and clusters its per-stratum and per-PSU sums per column), with a progress bar on
a terminal (not with --json or --quiet): the same table, test and comparisons as read whole. A
calibration, replicate weights, a multistage design, an fpc without a weights column and the
likelihood interval need every row in memory: those files are read whole.`;

const TESTS = ["pearson", "fisher", "F", "Chisq"] as const;

/** --compare-columns, --adjust and --alpha as `crosstab`'s compareColumns. */
function compareColumnsOptions(values: { "compare-columns"?: boolean | undefined; adjust?: string | undefined; alpha?: string | undefined }): Pick<CrosstabOptions, "compareColumns"> {
  if (values["compare-columns"] !== true) {
    if (values.adjust !== undefined || values.alpha !== undefined) throw new SurveyError("E_ARGUMENT", "--adjust and --alpha go with --compare-columns");
    return {};
  }
  if (values.adjust !== undefined && !(P_ADJUSTMENTS as readonly string[]).includes(values.adjust)) {
    throw new SurveyError("E_ARGUMENT", `--adjust must be one of ${P_ADJUSTMENTS.join(", ")} (got ${values.adjust})`);
  }
  const alpha = values.alpha === undefined ? undefined : Number(values.alpha.replace(",", "."));
  return {
    compareColumns: {
      ...(values.adjust === undefined ? {} : { adjustment: values.adjust as PAdjustment }),
      ...(alpha === undefined ? {} : { alpha }),
    },
  };
}

/** --simulate-p-value, --replicates and --seed as `crosstab`'s fisher options. */
function fisherOptions(values: { test?: string | undefined; "simulate-p-value"?: boolean | undefined; replicates?: string | undefined; seed?: string | undefined }): Pick<CrosstabOptions, "fisher"> {
  const simulate = values["simulate-p-value"] === true;
  if (!simulate && (values.replicates !== undefined || values.seed !== undefined)) {
    throw new SurveyError("E_ARGUMENT", "--replicates and --seed go with --simulate-p-value");
  }
  if (!simulate) return {};
  if (values.test !== "fisher") throw new SurveyError("E_ARGUMENT", "--simulate-p-value is for Fisher's exact test: add --test fisher");
  return {
    fisher: {
      simulatePValue: true,
      ...(values.replicates === undefined ? {} : { replicates: optionCount("--replicates", values.replicates) }),
      ...(values.seed === undefined ? {} : { seed: optionCount("--seed", values.seed) }),
    },
  };
}

export const crosstabCommand: Command = defineCommand({
  name: "crosstab",
  summary: "Two questions against each other, with a test of independence",
  usage,
  arguments: ["FILE"],
  options: {
    codebook: { type: "string" },
    rows: { type: "string" },
    cols: { type: "string" },
    test: { type: "string" },
    "no-correction": { type: "boolean" },
    "simulate-p-value": { type: "boolean" },
    replicates: { type: "string" },
    seed: { type: "string" },
    "compare-columns": { type: "boolean" },
    adjust: { type: "string" },
    alpha: { type: "string" },
    stream: { type: "boolean" },
    ...INTERVAL_OPTIONS,
    ...sharedOptions("json", "quiet", "locale", "strict", "encoding"),
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || values.codebook === undefined || values.rows === undefined || values.cols === undefined) {
      throw missingArguments({ FILE: file, "--codebook": values.codebook, "--rows": values.rows, "--cols": values.cols });
    }
    const locale = localeOption(values.locale);
    if (values.test !== undefined && !(TESTS as readonly string[]).includes(values.test)) {
      throw new SurveyError("E_ARGUMENT", `--test must be one of ${TESTS.join(", ")} (got ${values.test})`);
    }
    const codebook = await resolveCodebook(values.codebook);
    const stream = streamOption(values.stream, codebook, { questions: [], summarised: [], method: values.method });
    const options: CrosstabOptions = {
      ...(values.test === undefined ? {} : { test: values.test as CrosstabOptions["test"] }),
      ...(values["no-correction"] ? { correction: false } : {}),
      ...fisherOptions(values),
      ...compareColumnsOptions(values),
      ...intervalOptions(values),
      locale,
    };
    const progress = io.isTTY && !values.json && !values.quiet ? streamProgressBar(io) : undefined;
    const { crosstab: result, report } = await crosstabSource(file, codebook, values.rows, values.cols, {
      ...options,
      strict: values.strict === true,
      ...encodingOption(values.encoding),
      stream,
      ...(progress ? { onProgress: progress.update } : {}),
    });
    progress?.done();
    if (values.json) {
      const comparisons = result.columnComparisons ? { columnComparisons: result.columnComparisons } : {};
      io.stdout(`${JSON.stringify({ estimates: result.estimates, test: result.test, ...comparisons, report }, null, 2)}\n`);
      if (report.warnings?.length) io.stderr(warningSummary(report));
      return ExitCode.ok;
    }
    io.stdout(toMarkdown(result.estimates, { locale }));
    io.stdout(`\n${formatAssociationTest(result.test)}\n`);
    if (result.columnComparisons) io.stdout(`\n${columnComparisonsTable(result.columnComparisons, result.estimates, values.cols, { locale })}`);
    if (!values.quiet) io.stderr(validationSummary(report));
    else if (report.warnings?.length) io.stderr(warningSummary(report));
    return ExitCode.ok;
  },
});
