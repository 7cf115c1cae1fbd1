import type { Interval } from "../types";
import { argumentError } from "../errors";
import type { Limits } from "./limits";
import { twoSidedZ } from "./quantiles";
import { twoSampleScoreLimits } from "./twoSampleScore";
import { assertNonZeroCell, assertTwoSamples, type TwoSampleOptions } from "./twoSampleOptions";
import { assertLevel, assertOneOf } from "./validate";

/** The interval methods for a ratio of two proportions (relative risk). */
export const RATIO_METHODS = ["log", "log-adjusted", "score"] as const;
/** One of `RATIO_METHODS`. */
export type RatioMethod = (typeof RATIO_METHODS)[number];

/**
 * Confidence interval for the ratio p1/p2 (relative risk) of two independent proportions.
 * - "log": exp(log RR̂ ∓ z√(1/x1 − 1/n1 + 1/x2 − 1/n2)) (Katz, Baptista, Azen & Pike 1978,
 *   Biometrics 34:469–474); needs x1, x2 > 0.
 * - "log-adjusted": the same with x + ½ and n + ½ (Pettigrew, Gart & Thomas 1986; statsmodels).
 * - "score" (default): inverted score test (Koopman 1984), with the Miettinen–Nurminen factor
 *   when `correction` (default true); see `twoSampleScore`.
 * The estimate is p̂1/p̂2 (Infinity when x2 = 0); x1 = x2 = 0 leaves it undefined and throws.
 *
 * @param x1 - Successes in the first sample.
 * @param n1 - Size of the first sample.
 * @param x2 - Successes in the second sample.
 * @param n2 - Size of the second sample.
 * @param options - The method (default "score"), the level (default 0.95) and, for "score", the
 *   Miettinen–Nurminen `correction`.
 * @returns The ratio (x1/n1)/(x2/n2) with its limits.
 * @throws {@link SurveyError} `E_ARGUMENT` for invalid counts, level or method, a zero count "log"
 *   cannot take, or x1 = x2 = 0.
 *
 * @example
 * ```ts
 * import { ratioCI } from "svyprop";
 *
 * ratioCI(45, 60, 30, 60); // → { estimate: 1.5, lower: 1.1307, upper: 2.0471, method: "score" }
 * // Katz's log interval: exp(log 1.5 ∓ 1.96·√(1/45 − 1/60 + 1/30 − 1/60)).
 * ratioCI(45, 60, 30, 60, { method: "log" }); // → { lower: 1.1200, upper: 2.0090 }
 * ```
 */
export function ratioCI(x1: number, n1: number, x2: number, n2: number, options: TwoSampleOptions<RatioMethod> = {}): Interval {
  const { method = "score", level = 0.95, correction = true } = options;
  assertTwoSamples(x1, n1, x2, n2);
  assertLevel(level);
  assertOneOf("method", method, RATIO_METHODS);
  if (x1 === 0 && x2 === 0) throw argumentError("x1", "and x2 are both 0, so the ratio 0/0 is undefined", x1);
  const limits = ((): Limits => {
    if (method === "score") return twoSampleScoreLimits("ratio", { x1, n1, x2, n2 }, level, correction);
    if (method === "log") {
      assertNonZeroCell("x1", x1, method);
      assertNonZeroCell("x2", x2, method);
      return logRatioLimits(x1, n1, x2, n2, level);
    }
    return logRatioLimits(x1 + 0.5, n1 + 0.5, x2 + 0.5, n2 + 0.5, level);
  })();
  return { estimate: (x1 / n1) / (x2 / n2), ...limits, level, method };
}

function logRatioLimits(x1: number, n1: number, x2: number, n2: number, level: number): Limits {
  const logRatio = Math.log(x1 / n1 / (x2 / n2));
  const halfWidth = twoSidedZ(level) * Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  return { lower: Math.exp(logRatio - halfWidth), upper: Math.exp(logRatio + halfWidth) };
}
