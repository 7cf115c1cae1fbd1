import type { Interval } from "../types";
import { agrestiCoullLimits } from "./agrestiCoull";
import { clopperPearsonLimits } from "./clopperPearson";
import { jeffreysLimits } from "./jeffreys";
import { clipToUnit, type Limits } from "./limits";
import { logitLimits } from "./logit";
import { assertLevel, assertOneOf, assertPopulationSize, assertSuccesses } from "./validate";
import { waldLimits } from "./wald";
import { wilsonLimits } from "./wilson";
import { wilsonCCLimits } from "./wilsonCC";

/** Options of `proportionCI`. */
export interface ProportionCIOptions {
  /** Default "wilson". */
  method?: CIMethod;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Population size N ≥ n: applies the finite-population correction of a simple random sample drawn without replacement. */
  populationSize?: number;
}

/** The interval methods for one proportion, in the order the docs list them. */
export const CI_METHODS = ["wald", "wilson", "wilson-cc", "agresti-coull", "clopper-pearson", "jeffreys", "logit"] as const;
/** One of `CI_METHODS`. */
export type CIMethod = (typeof CI_METHODS)[number];

const LIMITS: Record<CIMethod, (x: number, n: number, level: number) => Limits> = {
  wald: waldLimits,
  wilson: wilsonLimits,
  "wilson-cc": wilsonCCLimits,
  "agresti-coull": agrestiCoullLimits,
  "clopper-pearson": clopperPearsonLimits,
  jeffreys: jeffreysLimits,
  logit: logitLimits,
};

/**
 * Confidence interval for the proportion x/n, clipped to [0, 1].
 *
 * Finite-population correction. Without replacement from a population of N, the variance of p̂
 * is p(1−p)/n · (N−n)/(N−1) (Cochran 1977, Sampling Techniques, 3rd ed., Theorem 3.2), which is the
 * binomial variance of a sample of effective size n_eff = n·(N−1)/(N−n). Every method is
 * therefore evaluated at (x_eff, n_eff) = (p̂·n_eff, n_eff): for Wald and Wilson this is exactly
 * the interval with the corrected variance (Wilson inverts the score test whose null variance is
 * p₀(1−p₀)/n_eff); Agresti–Coull adds its z²/2 pseudo-counts to the effective sample; the
 * continuity correction of wilson-cc becomes ½/n_eff; Clopper–Pearson and Jeffreys use beta
 * quantiles with effective (non-integer) counts, in the manner of the effective-sample-size exact
 * interval of Korn & Graubard (1998, Survey Methodology 24:193–201) that R survey's
 * `svyciprop(method = "beta")` uses.
 * n_eff ≥ n, so the correction never widens an interval; N = n (a census) gives n_eff = ∞ and
 * the zero-width interval [p̂, p̂]; N = ∞ (omitted) gives the usual interval. R's own choices
 * (t quantiles, SE from s²) are available through `surveyProportionCI`.
 * Sources of the methods: Wilson (1927), JASA 22:209–212; Newcombe (1998), Statistics in
 * Medicine 17:857–872, method 4 (Wilson with continuity correction); Clopper &
 * Pearson (1934), Biometrika 26:404–413; Agresti & Coull (1998), The American Statistician
 * 52:119–126; Brown, Cai & DasGupta (2001), Statistical Science 16:101–133, for Wald, Jeffreys and the
 * logit interval.
 *
 * @param x - The number of successes, an integer from 0 to n.
 * @param n - The number of trials (respondents who answered), a positive integer.
 * @param options - The method (default Wilson), the confidence level (default 0.95) and the
 *   population size for the finite-population correction.
 * @returns The estimate x/n with its lower and upper limits, the level and the method.
 * @throws {@link SurveyError} `E_ARGUMENT` when x, n, the level, the method or the population size is invalid.
 *
 * @example
 * ```ts
 * import { proportionCI } from "svyprop";
 *
 * proportionCI(138, 140); // → { estimate: 0.9857, lower: 0.9494, upper: 0.9961, method: "wilson" }
 * // The exact interval, as R's binom.test(138, 140)$conf.int:
 * proportionCI(138, 140, { method: "clopper-pearson" }); // → { lower: 0.949349, upper: 0.998265 }
 * // Drawn without replacement from 500 people:
 * proportionCI(138, 140, { populationSize: 500 }); // → { lower: 0.9573, upper: 0.9953 }
 * ```
 */
export function proportionCI(x: number, n: number, options: ProportionCIOptions = {}): Interval {
  const { method = "wilson", level = 0.95, populationSize } = options;
  assertSuccesses("x", x, "n", n);
  assertLevel(level);
  assertOneOf("method", method, CI_METHODS);
  const estimate = x / n;
  if (populationSize !== undefined) {
    assertPopulationSize(populationSize, n);
    if (populationSize === n) return { estimate, lower: estimate, upper: estimate, level, method };
  }
  const nEff = populationSize === undefined ? n : effectiveSampleSize(n, populationSize);
  const xEff = nEff === n ? x : estimate * nEff;
  const { lower, upper } = clipToUnit(LIMITS[method](xEff, nEff, level));
  return { estimate, lower, upper, level, method };
}

/** n·(N−1)/(N−n): the sample size whose binomial variance equals the without-replacement variance (N > n). */
function effectiveSampleSize(n: number, populationSize: number): number {
  return (n * (populationSize - 1)) / (populationSize - n);
}
