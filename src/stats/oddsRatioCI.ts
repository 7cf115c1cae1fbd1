import type { Interval } from "../types";
import { argumentError } from "../errors";
import type { Limits } from "./limits";
import { twoSidedZ } from "./quantiles";
import { twoSampleScoreLimits } from "./twoSampleScore";
import { assertNonZeroCell, assertTwoSamples, type TwoSampleOptions } from "./twoSampleOptions";
import { assertLevel, assertOneOf } from "./validate";

/** The interval methods for an odds ratio. */
export const ODDS_RATIO_METHODS = ["logit", "logit-adjusted", "score"] as const;
/** One of `ODDS_RATIO_METHODS`. */
export type OddsRatioMethod = (typeof ODDS_RATIO_METHODS)[number];

/**
 * Confidence interval for the odds ratio of two independent proportions, with the cells
 * a = x1, b = n1 − x1, c = x2, d = n2 − x2.
 * - "logit": exp(log(ad/bc) ∓ z√(1/a + 1/b + 1/c + 1/d)) (Woolf 1955, Annals of Human
 *   Genetics 19:251–253); needs every cell > 0.
 * - "logit-adjusted": the same with ½ added to every cell (Gart 1966, Biometrika 53:471–475);
 *   centred on the adjusted odds ratio, it need not contain the sample one (98/99 vs 1/116 at
 *   50 %: 2308–11078 around 11270).
 * - "score" (default): inverted score test (Miettinen & Nurminen 1985) with the N/(N − 1)
 *   factor when `correction` (default true); see `twoSampleScore`.
 * The estimate is the sample odds ratio ad/bc (0 or Infinity at a zero cell); where it is 0/0
 * it is undefined and the function throws.
 *
 * @param x1 - Successes in the first sample (cell a).
 * @param n1 - Size of the first sample (a + b).
 * @param x2 - Successes in the second sample (cell c).
 * @param n2 - Size of the second sample (c + d).
 * @param options - The method (default "score"), the level (default 0.95) and, for "score", the
 *   Miettinen–Nurminen `correction`.
 * @returns The sample odds ratio ad/bc with its limits.
 * @throws {@link SurveyError} `E_ARGUMENT` for invalid counts, level or method, a zero cell "logit"
 *   cannot take, or an odds ratio of 0/0.
 *
 * @example
 * ```ts
 * import { oddsRatioCI } from "svyprop";
 *
 * oddsRatioCI(45, 60, 30, 60); // → { estimate: 3, lower: 1.3885, upper: 6.4764, method: "score" }
 * // Woolf: exp(log 3 ∓ 1.96·√(1/45 + 1/15 + 1/30 + 1/30)).
 * oddsRatioCI(45, 60, 30, 60, { method: "logit" }); // → { lower: 1.3849, upper: 6.4989 }
 * ```
 */
export function oddsRatioCI(x1: number, n1: number, x2: number, n2: number, options: TwoSampleOptions<OddsRatioMethod> = {}): Interval {
  const { method = "score", level = 0.95, correction = true } = options;
  assertTwoSamples(x1, n1, x2, n2);
  assertLevel(level);
  assertOneOf("method", method, ODDS_RATIO_METHODS);
  const [a, b, c, d] = [x1, n1 - x1, x2, n2 - x2];
  if (a * d === 0 && b * c === 0) {
    throw argumentError("x1", "and x2 leave the odds ratio 0/0 undefined (a zero cell in each diagonal)", x1);
  }
  const limits = ((): Limits => {
    if (method === "score") return twoSampleScoreLimits("odds-ratio", { x1, n1, x2, n2 }, level, correction);
    if (method === "logit") {
      for (const [name, cell] of [["x1", a], ["n1 - x1", b], ["x2", c], ["n2 - x2", d]] as const) assertNonZeroCell(name, cell, method);
      return logOddsRatioLimits(a, b, c, d, level);
    }
    return logOddsRatioLimits(a + 0.5, b + 0.5, c + 0.5, d + 0.5, level);
  })();
  return { estimate: (a * d) / (b * c), ...limits, level, method };
}

function logOddsRatioLimits(a: number, b: number, c: number, d: number, level: number): Limits {
  const logOddsRatio = Math.log((a * d) / (b * c));
  const halfWidth = twoSidedZ(level) * Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return { lower: Math.exp(logOddsRatio - halfWidth), upper: Math.exp(logOddsRatio + halfWidth) };
}
