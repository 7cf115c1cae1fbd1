import { argumentError } from "../errors";
import { twoSidedZ } from "./quantiles";
import { assertLevel, assertOpenProbability, assertPositiveCount } from "./validate";

/** Options of `sampleSize`. */
export interface SampleSizeOptions {
  /** Wanted margin of error (half-width) on the proportion scale, in (0, 1): 0.05 for ±5 points. */
  margin: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Anticipated proportion in (0, 1); default 0.5, the most conservative. */
  p?: number;
  /** Population size N for a sample drawn without replacement. */
  populationSize?: number;
}

/**
 * Smallest simple-random-sample size whose `marginOfError` is at most `margin`:
 * n₀ = z²p(1−p)/margin², and with a population of N, n = n₀/(1 + (n₀ − 1)/N)
 * (Cochran 1977, Sampling Techniques, 3rd ed., §4.4), rounded up. The rounding
 * ignores floating-point excess below 1e-9, so an exact n₀ of 100 stays 100.
 *
 * @param options - The wanted `margin` (required), the anticipated proportion `p` (default 0.5),
 *   the level (default 0.95) and the population size N for a sample without replacement.
 * @returns The smallest sample size n whose margin of error is at most `margin`.
 * @throws {@link SurveyError} `E_ARGUMENT` for an invalid margin, proportion, level or population size.
 *
 * @example
 * ```ts
 * import { sampleSize } from "svyprop";
 *
 * // ±5 points at 95 %: 1.96² · 0.25 / 0.05² = 384.15, rounded up.
 * sampleSize({ margin: 0.05 }); // → 385
 * // From the 405 residents and fellows emailed: 384.15 / (1 + 383.15 / 405) = 197.4.
 * sampleSize({ margin: 0.05, populationSize: 405 }); // → 198
 * ```
 */
export function sampleSize(options: SampleSizeOptions): number {
  const { margin, level = 0.95, p = 0.5, populationSize } = options;
  if (!Number.isFinite(margin) || margin <= 0 || margin >= 1) {
    throw argumentError("margin", "must be a number strictly between 0 and 1 (a proportion, e.g. 0.05)", margin);
  }
  assertLevel(level);
  assertOpenProbability("p", p);
  if (populationSize !== undefined) assertPositiveCount("populationSize", populationSize);
  const z = twoSidedZ(level);
  const unlimited = (z * z * p * (1 - p)) / (margin * margin);
  const n = populationSize === undefined ? unlimited : unlimited / (1 + (unlimited - 1) / populationSize);
  return Math.max(1, Math.ceil(n - 1e-9));
}
