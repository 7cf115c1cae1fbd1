import { twoSidedZ } from "./quantiles";
import { assertLevel, assertPopulationSize, assertPositiveCount, assertProbability } from "./validate";

/** Options of `marginOfError`. */
export interface MarginOfErrorOptions {
  /** Anticipated proportion; default 0.5, the most conservative. */
  p?: number;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Population size N ≥ n for a sample drawn without replacement. */
  populationSize?: number;
}

/**
 * Half-width of the normal-approximation interval for a proportion estimated from a simple
 * random sample of n: z·√(p(1−p)/n · (N−n)/(N−1)), the last factor only when N is given.
 * Reference: Cochran (1977), Sampling Techniques, 3rd ed., §3.2 and §4.4.
 *
 * @param n - The sample size, a positive integer.
 * @param options - The anticipated proportion `p` (default 0.5), the level (default 0.95) and the
 *   population size N ≥ n.
 * @returns The half-width of the interval, on the proportion scale (0.049 for ±4.9 points).
 * @throws {@link SurveyError} `E_ARGUMENT` for an invalid n, proportion, level or population size.
 *
 * @example
 * ```ts
 * import { marginOfError } from "svyprop";
 *
 * // R: qnorm(0.975) * sqrt(0.25 / 400)
 * marginOfError(400); // → 0.0489991
 * // 202 respondents of 405: qnorm(0.975) * sqrt(0.25 / 202 * (405 - 202) / 404)
 * marginOfError(202, { populationSize: 405 }); // → 0.04887646
 * ```
 */
export function marginOfError(n: number, options: MarginOfErrorOptions = {}): number {
  const { p = 0.5, level = 0.95, populationSize } = options;
  assertPositiveCount("n", n);
  assertProbability("p", p);
  assertLevel(level);
  if (populationSize !== undefined) assertPopulationSize(populationSize, n);
  const fpc = populationSize === undefined ? 1 : populationSize === n ? 0 : (populationSize - n) / (populationSize - 1);
  return twoSidedZ(level) * Math.sqrt(((p * (1 - p)) / n) * fpc);
}
