import { argumentError, SurveyError } from "../../errors";
import type { NumericArray } from "../../tally/designTally";

/** Kish's summaries of a set of weights. */
export interface KishSummary {
  /** Number of weights. */
  n: number;
  /** Σw. */
  sumWeights: number;
  /** Σw². */
  sumSquaredWeights: number;
  /** Kish (1965) effective sample size (Σw)²/Σw². */
  effectiveN: number;
  /** Kish design effect due to unequal weighting n·Σw²/(Σw)² = 1 + CV²(w)·(n−1)/n. */
  deff: number;
}

/**
 * Kish's effective sample size and weighting design effect (Kish 1965, Survey Sampling §11.7).
 *
 * @param weights - The weights (non-negative, finite).
 * @param options - The weight column's name and first row, for error messages.
 * @returns n, Σw, Σw², the effective sample size and the weighting design effect.
 * @throws {@link SurveyError} `E_BAD_WEIGHT` for a negative, missing or infinite weight.
 *
 * @example
 * ```ts
 * import { kishEffectiveN } from "svyprop";
 *
 * // (Σw)²/Σw² = 14²/30
 * kishEffectiveN([2, 2, 1, 1, 3, 3, 1, 1]); // → { n: 8, effectiveN: 6.5333, deff: 1.2245 }
 * ```
 */
export function kishEffectiveN(weights: NumericArray, options: { column?: string; rowOffset?: number } = {}): KishSummary {
  const n = weights.length;
  if (n === 0) throw argumentError("weights", "must hold at least one value");
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new SurveyError("E_BAD_WEIGHT", "weights must be finite and non-negative", {
        row: (options.rowOffset ?? 0) + i + 2,
        column: options.column ?? "weights",
        value: String(w),
      });
    }
    s += w;
    s2 += w * w;
  }
  if (s === 0) throw argumentError("weights", "must not all be zero");
  return { n, sumWeights: s, sumSquaredWeights: s2, effectiveN: (s * s) / s2, deff: (n * s2) / (s * s) };
}
