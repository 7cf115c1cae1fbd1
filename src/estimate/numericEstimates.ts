import type { CategoryInfo } from "../codebook";
import { SurveyError } from "../errors";
import { calibratedEstimate, designMean, designTotal, domainDf, prepareDesign, replicateDf, replicateEstimates, type DesignEstimate } from "../stats/design";
import { twoSidedT } from "../stats/quantiles";
import { assertLevel } from "../stats/validate";
import type { CodedAnswers, DesignColumns, Survey } from "../survey";
import { answersOf, groupingOf, simpleRandomSampleDesign } from "./estimate";
import { calibrationFor } from "./calibrationOf";
import { replicateDesignOf } from "./replicateDesignOf";

/** Options of the numeric summaries (`estimateMean`, `estimateTotal`, `estimateQuantiles`). */
export interface NumericEstimateOptions {
  /** Confidence level (default 0.95). */
  level?: number;
  /** Id of a categorical question to split by: one row per group, each a domain of the whole design. */
  by?: string;
}

/** Which question (and group) a numeric summary row is about, and how many answers it rests on. */
export interface NumericEstimateIdentity {
  /** The question's id. */
  question: string;
  /** The question as readers see it. */
  questionLabel: string;
  /** Subgroup, e.g. `{ position: "resident" }`; absent for whole-sample rows. */
  group?: Record<string, string>;
  /** The subgroup's label ("Resident"), as `Estimate.groupLabel`. */
  groupLabel?: string;
  /** Respondents with a value (unweighted). */
  n: number;
}

/** A mean with its design-based standard error and interval. */
export interface MeanEstimate extends NumericEstimateIdentity {
  /** The weighted mean. */
  mean: number;
  /** Its Taylor-linearised (or replicate) standard error. */
  se: number;
  /** Lower limit, mean − t·SE. */
  lower: number;
  /** Upper limit, mean + t·SE. */
  upper: number;
  /** The confidence level. */
  level: number;
  /** Degrees of freedom of the t quantile: the whole design's (R `degf(design)`). */
  df: number;
}

/** A population total with its design-based standard error and interval. */
export interface TotalEstimate extends NumericEstimateIdentity {
  /** The estimated population total, Σ w·y. */
  total: number;
  /** Its Taylor-linearised (or replicate) standard error. */
  se: number;
  /** Lower limit, total − t·SE. */
  lower: number;
  /** Upper limit, total + t·SE. */
  upper: number;
  /** The confidence level. */
  level: number;
  /** Degrees of freedom of the t quantile: the whole design's (R `degf(design)`). */
  df: number;
}

/**
 * The mean of a numeric question (or of a Likert question's level numbers 1…k), over the
 * respondents who gave a value, with its Taylor-linearised SE and the interval mean ± t·SE on the
 * whole design's degrees of freedom — R `confint(svymean(~y, design, na.rm = TRUE), df =
 * degf(design))`; with `by`, `svyby(~y, ~g, design, svymean, na.rm = TRUE)` (Lumley 2010, §2.2
 * and §3.4). A simple random sample is `svydesign(ids = ~1, fpc = ~N)` (without `fpc` when the
 * design gives no population size). Calibrated weights use the calibration residuals; replicate
 * weights the replicate variance (R `svymean` on an `svrepdesign`, df = `degf`: rank − 1).
 *
 * @param survey - The survey, from `loadSurvey` or `surveyFromTable`.
 * @param questionId - A numeric or Likert question's id.
 * @param options - `by` (a grouping question) and `level` (default 0.95).
 * @returns One row (per group): the mean, its SE, interval, level, df and the respondents counted.
 * @throws {@link SurveyError} `E_ARGUMENT` for an unknown or non-numeric question.
 *
 * @example
 * ```ts
 * import { estimateMean, loadSurvey } from "svyprop";
 *
 * const csv = "age\n25\n31\n40\n28\n35\n";
 * const survey = await loadSurvey(new TextEncoder().encode(csv), {
 *   codebook: { questions: [{ id: "age", column: "age", type: "numeric", label: "Age (years)" }] },
 * });
 * // R: confint(svymean(~age, svydesign(ids = ~1, data = d)), df = 4) gives [24.48577, 39.11423].
 * estimateMean(survey, "age");
 * // → [{ mean: 31.8, se: 2.634388, lower: 24.48577, upper: 39.11423, df: 4, n: 5 }]
 * ```
 */
export function estimateMean(survey: Survey, questionId: string, options: NumericEstimateOptions = {}): MeanEstimate[] {
  return numericSummaries(survey, questionId, options, "mean").map(({ identity, estimate, interval }) => ({
    ...identity,
    mean: estimate.estimate,
    se: estimate.se,
    ...interval,
  }));
}

/**
 * The population total Σ w·y of a numeric question over the respondents who gave a value, with
 * its linearised SE and the interval total ± t·SE on the whole design's degrees of freedom — R
 * `confint(svytotal(~y, design, na.rm = TRUE), df = degf(design))`; with `by`, `svyby(…, svytotal)`.
 * Without weights or a population size every respondent counts once (the sample total).
 *
 * @param survey - The survey.
 * @param questionId - A numeric or Likert question's id.
 * @param options - `by` (a grouping question) and `level` (default 0.95).
 * @returns One row (per group): the total, its SE, interval, level, df and the respondents counted.
 * @throws {@link SurveyError} `E_ARGUMENT` for an unknown or non-numeric question.
 *
 * @example
 * ```ts
 * import { estimateTotal, loadSurvey } from "svyprop";
 *
 * const csv = "hours,w\n2,10\n5,10\n3,20\n";
 * const survey = await loadSurvey(new TextEncoder().encode(csv), {
 *   codebook: {
 *     design: { weights: "w" },
 *     questions: [{ id: "hours", column: "hours", type: "numeric", label: "Hours online" }],
 *   },
 * });
 * // 2·10 + 5·10 + 3·20
 * estimateTotal(survey, "hours"); // → [{ total: 130, n: 3, df: 2 }]
 * ```
 */
export function estimateTotal(survey: Survey, questionId: string, options: NumericEstimateOptions = {}): TotalEstimate[] {
  return numericSummaries(survey, questionId, options, "total").map(({ identity, estimate, interval }) => ({
    ...identity,
    total: estimate.estimate,
    se: estimate.se,
    ...interval,
  }));
}

/** A numeric question's values, one per respondent (NaN where none), and the groups to split by. */
export interface NumericDomains {
  /** The question's label. */
  label: string;
  /** Per respondent: the value, or NaN when the respondent gave none. */
  values: Float64Array;
  /** The design (a simple random sample when the survey names no design column). */
  design: DesignColumns;
  /** One entry per row to produce: the group (undefined for the whole sample) and its 0/1 domain. */
  domains: Array<{
    /** The group, e.g. `{ position: "resident" }`. */
    group?: Record<string, string>;
    /** The group as readers name it. */
    groupLabel?: string;
    /** Per respondent: 1 in the domain (in the group, with a value), else 0. */
    mask: Uint8Array;
    /** Respondents in the domain. */
    n: number;
  }>;
  /** The whole design's degrees of freedom (R `degf(design)`). */
  df: number;
}

/**
 * What every numeric summary starts from: the question's values (a Likert question's level
 * numbers 1…k), the design, and one domain per group among the respondents who gave a value.
 *
 * @param survey - The survey.
 * @param questionId - A numeric or Likert question's id.
 * @param by - A categorical question to split by, if any.
 * @returns The label, values, design, domains and the design's df.
 * @throws {@link SurveyError} `E_ARGUMENT` for an unknown or non-numeric question.
 *
 * @example
 * ```ts
 * import { loadSurvey, numericDomains } from "svyprop";
 *
 * const survey = await loadSurvey("age\n25\nNA\n40\n", {
 *   codebook: { missing: ["NA"], questions: [{ id: "age", column: "age", type: "numeric", label: "Age" }] },
 * });
 * const { values, domains } = numericDomains(survey, "age", undefined);
 * values; // → [25, NaN, 40]
 * domains; // → [{ n: 2, mask: [1, 0, 1] }]
 * ```
 */
export function numericDomains(survey: Survey, questionId: string, by: string | undefined): NumericDomains {
  const answers = answersOf(survey, questionId);
  const values = numericValues(answers);
  const grouping = by === undefined ? undefined : groupingOf(survey, by);
  const design = survey.designColumns ?? simpleRandomSampleDesign(survey.design.populationSize);
  const groups: Array<CategoryInfo | undefined> = grouping ? grouping.categories : [undefined];
  const domains = groups.flatMap((group, g) => {
    const mask = new Uint8Array(values.length);
    let n = 0;
    for (let row = 0; row < values.length; row++) {
      if (Number.isNaN(values[row]!) || (grouping !== undefined && grouping.codes[row] !== g)) continue;
      mask[row] = 1;
      n += 1;
    }
    if (n === 0) return [];
    return [{ ...(group && by !== undefined ? { group: { [by]: group.code }, groupLabel: group.label } : {}), mask, n }];
  });
  if (domains.length === 0) throw new SurveyError("E_NO_ROWS", `question "${questionId}" has no respondent with a value`);
  return { label: answers.question.label ?? answers.question.id, values, design, domains, df: designDf(design, values.length) };
}

function numericValues(answers: CodedAnswers): Float64Array {
  if (answers.kind === "numeric") return Float64Array.from(answers.values, (v, row) => ((answers.codes[row] as number) < 0 ? Number.NaN : v));
  if (answers.kind === "categorical" && answers.question.type === "likert") {
    return Float64Array.from(answers.codes, (code) => (code < 0 ? Number.NaN : code + 1));
  }
  throw new SurveyError("E_ARGUMENT", `question "${answers.question.id}" is ${answers.question.type}: only numeric and Likert questions have a mean, total or quantiles`);
}

/** #PSUs − #strata of the whole design (R `degf`); a replicate design's rank of its replicate weights − 1. */
function designDf(design: DesignColumns, rows: number): number {
  if (design.replicates) return replicateDf(design.replicates.weights);
  const ones = new Float64Array(rows).fill(1);
  return domainDf(prepareDesign({ ...design, weights: ones }, [ones]), 0);
}

interface NumericSummary {
  identity: NumericEstimateIdentity;
  estimate: DesignEstimate;
  interval: { lower: number; upper: number; level: number; df: number };
}

function numericSummaries(survey: Survey, questionId: string, options: NumericEstimateOptions, kind: "mean" | "total"): NumericSummary[] {
  const level = options.level ?? 0.95;
  assertLevel(level);
  const { label, values, design, domains, df } = numericDomains(survey, questionId, options.by);
  const y = Float64Array.from(values, (v) => (Number.isNaN(v) ? 0 : v));
  const calibration = calibrationFor(design, values.length);
  const { weights: _, calibration: __, ...sampling } = design;
  const replicate = replicateDesignOf(design);
  const t = df >= 1 ? twoSidedT(level, df) : Number.NaN;
  return domains.map(({ group, groupLabel, mask, n }) => {
    const input = { ...sampling, ...(design.weights ? { weights: design.weights } : {}), y, domain: mask };
    const estimate = replicate
      ? replicateEstimates(replicate, [y], mask, kind)[0]!
      : calibration
      ? calibratedEstimate({ ...sampling, y, domain: mask, calibration }, kind)
      : kind === "mean"
        ? designMean(input)
        : designTotal(input);
    return {
      identity: { question: questionId, questionLabel: label, ...(group ? { group, groupLabel } : {}), n },
      estimate,
      interval: { lower: estimate.estimate - t * estimate.se, upper: estimate.estimate + t * estimate.se, level, df },
    };
  });
}
