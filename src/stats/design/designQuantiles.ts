import { argumentError } from "../../errors";
import { twoSidedT } from "../quantiles";
import { assertLevel } from "../validate";
import { sortWeights, weightedQuantile } from "../weightedQuantile";
import type { CalibrationResult } from "./calibrate";
import { calibratedEstimate } from "./calibratedEstimate";
import type { DesignEstimate } from "./designEstimate";
import { designMean, type DesignVariableInput } from "./designMean";
import { designWeights } from "./prepareDesign";

export interface DesignQuantilesInput extends DesignVariableInput {
  /** Probabilities in [0, 1], e.g. [0.25, 0.5, 0.75]. */
  quantiles: readonly number[];
  /** Confidence level (default 0.95). */
  level?: number;
  /** Post-stratified or raked weights (`postStratify` / `rake`): they replace `weights`. */
  calibration?: CalibrationResult;
}

/** One quantile with its Woodruff interval. */
export interface DesignQuantile {
  /** The probability p. */
  quantile: number;
  /** The weighted p-quantile (R's "math" rule, `qrule_math`). */
  estimate: number;
  /** NaN where the interval's probability falls outside [0, 1] or the domain has no df (R). */
  lower: number;
  /** Upper limit of Woodruff's interval (NaN as `lower`). */
  upper: number;
  /** (upper − lower) / (2·t): the SE the interval implies (R). */
  se: number;
  /** The confidence level. */
  level: number;
  /** The domain's degrees of freedom (R `degf` of the subset design). */
  df: number;
}

/**
 * Quantiles of y over a domain of a design with Woodruff's (1952) interval, as R survey 4.1
 * `svyquantile(~y, design, quantiles, ci = TRUE)` computes by default (interval.type = "mean",
 * qrule = "math"): q̂ = `weightedQuantile` of the domain's values; p̂ = the design-based mean of
 * 1{y ≤ q̂} over the domain, with its linearised SE; the interval p̂ ± t·SE on the domain's df
 * is mapped back through the same quantile rule (a limit beyond [0, 1] is NaN), and
 * SE(q̂) = (upper − lower)/(2t). Lumley (2010) §2.4.1; Woodruff, JASA 47:635–646.
 *
 * @param input - The design, the variable `y`, the `quantiles`, the level, an optional domain and calibration.
 * @returns One row per quantile: the estimate, Woodruff's interval, its SE and the df.
 * @throws {@link SurveyError} as `designMean`, or `E_ARGUMENT` for a probability outside [0, 1].
 *
 * @example
 * ```ts
 * import { designQuantiles } from "svyprop";
 *
 * // R: svyquantile(~x, design, 0.5)
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * designQuantiles({ ...design, y: [3, 5, 2, 8, 6, 4, 7, 1], quantiles: [0.5] });
 * // → [{ quantile: 0.5, estimate: 4, lower: 4, upper: 4, se: 0, df: 2 }]
 * ```
 */
export function designQuantiles(input: DesignQuantilesInput): DesignQuantile[] {
  const level = input.level ?? 0.95;
  assertLevel(level);
  for (const p of input.quantiles) if (!(p >= 0 && p <= 1)) throw argumentError("quantiles", "must be probabilities in [0, 1]", p);
  const { y } = input;
  const n = y.length;
  const mask = Float64Array.from({ length: n }, (_, i) => ((input.domain === undefined || input.domain[i]) && !Number.isNaN(y[i]!) ? 1 : 0));
  const weights = input.calibration?.weights ?? designWeights(input, n);
  const sorted = sortWeights(y, weights, mask);
  const yFilled = Float64Array.from(y, (v) => (Number.isNaN(v) ? 0 : v));
  return input.quantiles.map((p) => {
    const estimate = weightedQuantile(sorted, p);
    const below = Float64Array.from(yFilled, (v) => (v <= estimate ? 1 : 0));
    const share = indicatorMean(input, below, mask);
    const t = share.df >= 1 ? twoSidedT(level, share.df) : Number.NaN;
    const low = share.estimate - t * share.se;
    const high = share.estimate + t * share.se;
    const lower = Number.isNaN(low) || low < 0 ? Number.NaN : weightedQuantile(sorted, low);
    const upper = Number.isNaN(high) || high > 1 ? Number.NaN : weightedQuantile(sorted, high);
    return { quantile: p, estimate, lower, upper, se: (upper - lower) / (2 * t), level, df: share.df };
  });
}

/** The design-based share of rows with y ≤ q̂ in the domain (R `svymean(x <= qhat, design)`). */
function indicatorMean(input: DesignQuantilesInput, y: Float64Array, domain: Float64Array): DesignEstimate {
  const { quantiles: _, level: __, calibration, naRm: ___, ...design } = input;
  if (calibration) {
    const { weights: _w, ...sampling } = design;
    return calibratedEstimate({ ...sampling, y, domain, calibration });
  }
  return designMean({ ...design, y, domain });
}
