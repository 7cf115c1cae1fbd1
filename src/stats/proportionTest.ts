import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { ALTERNATIVES, type Alternative } from "./alternative";
import { chiSquareUpperTail } from "./tails";
import { assertOneOf, assertOpenProbability, assertSuccesses } from "./validate";

/** Options of `proportionTest`. */
export interface ProportionTestOptions {
  /** Hypothesised proportion, in (0, 1); default 0.5. */
  p0?: number;
  /** Default "two-sided". */
  alternative?: Alternative;
  /** Continuity correction min(½, |x − n·p0|) (default true, as R). */
  correction?: boolean;
}

/** The score test of one proportion, as R `prop.test(x, n, p0)`. */
export interface ProportionTestResult {
  /** X² = (|x − n·p0| − correction)²/(n·p0(1 − p0)), on 1 degree of freedom. */
  statistic: number;
  /** sign(x − n·p0)·√X², the score z. */
  z: number;
  /** The p-value. */
  pValue: number;
  /** x/n */
  estimate: number;
}

/**
 * Score (large-sample) test of H0: p = p0 for one proportion, as R `prop.test(x, n, p0, correct)`;
 * without correction z is statsmodels `proportions_ztest(prop_var = p0)`. Two-sided p-values
 * come from χ²₁, one-sided ones from the normal tail of z. `binomialTest` is the exact test.
 * Reference: Agresti (2013), Categorical Data Analysis, 3rd ed., §1.3.2 (score test) and Yates
 * (1934), JRSS Suppl. 1:217–235 (continuity correction).
 *
 * @param x - The number of successes, an integer from 0 to n.
 * @param n - The number of trials, a positive integer.
 * @param options - The hypothesised proportion `p0` (default 0.5), the alternative and the
 *   continuity correction (default true).
 * @returns X², the score z, the p-value and the estimate x/n.
 * @throws {@link SurveyError} `E_ARGUMENT` for invalid counts, p0 or alternative.
 *
 * @example
 * ```ts
 * import { proportionTest } from "svyprop";
 *
 * // R: prop.test(138, 140, p = 0.9)
 * proportionTest(138, 140, { p0: 0.9 }); // → { statistic: 10.49603, pValue: 0.001196312 }
 * ```
 */
export function proportionTest(x: number, n: number, options: ProportionTestOptions = {}): ProportionTestResult {
  const { p0 = 0.5, alternative = "two-sided", correction = true } = options;
  assertSuccesses("x", x, "n", n);
  assertOpenProbability("p0", p0);
  assertOneOf("alternative", alternative, ALTERNATIVES);
  const deviation = x - n * p0;
  const yates = correction ? Math.min(0.5, Math.abs(deviation)) : 0;
  const statistic = (Math.abs(deviation) - yates) ** 2 / (n * p0 * (1 - p0));
  const z = Math.sign(deviation) * Math.sqrt(statistic);
  const pValue = {
    "two-sided": () => chiSquareUpperTail(statistic, 1),
    less: () => normalCdf(z, 0, 1),
    greater: () => normalCdf(-z, 0, 1),
  }[alternative]();
  return { statistic, z, pValue, estimate: x / n };
}
