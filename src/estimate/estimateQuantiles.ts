import { SurveyError } from "../errors";
import { designQuantiles, type DesignQuantile } from "../stats/design";
import type { Survey } from "../survey";
import { calibrationFor } from "./calibrationOf";
import { numericDomains, type NumericEstimateIdentity, type NumericEstimateOptions } from "./numericEstimates";

export interface QuantileOptions extends NumericEstimateOptions {
  /** Probabilities (default the quartiles 0.25, 0.5, 0.75). */
  quantiles?: readonly number[];
}

/** One quantile of a numeric question (its probability, estimate, Woodruff interval, SE and df: see `DesignQuantile`). */
export interface QuantileEstimate extends NumericEstimateIdentity, DesignQuantile {}

/**
 * Quantiles of a numeric question (or a Likert question's level numbers 1…k) among the
 * respondents who gave a value, one row per quantile (and group), as R survey 4.1
 * `svyquantile(~y, design, quantiles, ci = TRUE, na.rm = TRUE)` computes by default — the
 * weighted "math" rule and Woodruff's interval (see `designQuantiles`); with `by`,
 * `svyby(~y, ~g, design, svyquantile, …)`. A simple random sample is `svydesign(ids = ~1)`
 * (with `fpc = ~N` when the design gives a population size).
 *
 * @param survey - The survey, from `loadSurvey` or `surveyFromTable`.
 * @param questionId - A numeric or Likert question's id.
 * @param options - `quantiles` (default the quartiles), `by` (a grouping question), `level`.
 * @returns One row per quantile (and group): the estimate, Woodruff's interval, SE and df.
 * @throws {@link SurveyError} `E_ARGUMENT` on a replicate-weight design, or for an unknown or non-numeric question.
 *
 * @example
 * ```ts
 * import { estimateQuantiles, loadSurvey } from "svyprop";
 *
 * const csv = "age\n23\n25\n27\n28\n30\n31\n33\n35\n38\n40\n44\n51\n";
 * const survey = await loadSurvey(new TextEncoder().encode(csv), {
 *   codebook: { questions: [{ id: "age", column: "age", type: "numeric", label: "Age (years)" }] },
 * });
 * // R: svyquantile(~age, svydesign(ids = ~1, data = d), 0.5) gives 31 [27, 40], SE 2.953223.
 * estimateQuantiles(survey, "age", { quantiles: [0.5] });
 * // → [{ quantile: 0.5, estimate: 31, lower: 27, upper: 40, se: 2.953223, df: 11 }]
 * ```
 */
export function estimateQuantiles(survey: Survey, questionId: string, options: QuantileOptions = {}): QuantileEstimate[] {
  const { label, values, design, domains } = numericDomains(survey, questionId, options.by);
  if (design.replicates) throw new SurveyError("E_ARGUMENT", "quantiles on a replicate-weight design are not implemented yet (R svyquantile recomputes each replicate)");
  const calibration = calibrationFor(design, values.length);
  const { weights, calibration: _, ...sampling } = design;
  return domains.flatMap(({ group, groupLabel, mask, n }) =>
    designQuantiles({
      ...sampling,
      ...(weights ? { weights } : {}),
      ...(calibration ? { calibration } : {}),
      y: values,
      domain: mask,
      quantiles: options.quantiles ?? [0.25, 0.5, 0.75],
      ...(options.level === undefined ? {} : { level: options.level }),
    }).map((q) => ({ question: questionId, questionLabel: label, ...(group ? { group, groupLabel } : {}), n, ...q })),
  );
}
