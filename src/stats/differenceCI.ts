import type { Interval } from "../types";
import { agrestiCaffoLimits } from "./agrestiCaffo";
import type { Limits } from "./limits";
import { newcombeDifferenceLimits } from "./newcombeDifference";
import { twoSampleScoreLimits } from "./twoSampleScore";
import { assertTwoSamples, type TwoSampleOptions } from "./twoSampleOptions";
import { assertLevel, assertOneOf } from "./validate";
import { waldDifferenceLimits } from "./waldDifference";

/** The interval methods for a difference of two proportions. */
export const DIFFERENCE_METHODS = ["newcombe", "wald", "agresti-caffo", "score"] as const;
/** One of `DIFFERENCE_METHODS`. */
export type DifferenceMethod = (typeof DIFFERENCE_METHODS)[number];

const LIMITS: Record<DifferenceMethod, (x1: number, n1: number, x2: number, n2: number, level: number, correction: boolean) => Limits> = {
  newcombe: newcombeDifferenceLimits,
  wald: waldDifferenceLimits,
  "agresti-caffo": agrestiCaffoLimits,
  score: (x1, n1, x2, n2, level, correction) => twoSampleScoreLimits("diff", { x1, n1, x2, n2 }, level, correction),
};

/**
 * Confidence interval for the difference p1 − p2 of two independent proportions x1/n1 and
 * x2/n2, clipped to [−1, 1]. Methods: "newcombe" (default; hybrid score), "wald",
 * "agresti-caffo", "score" (Miettinen–Nurminen with `correction` = true, the default; Mee
 * without). Sources: Newcombe (1998), Statistics in Medicine 17:873–890, methods 10 (newcombe)
 * and 1 (wald); Agresti & Caffo (2000), The American Statistician 54:280–288; Miettinen &
 * Nurminen (1985), Statistics in Medicine 4:213–226.
 *
 * @param x1 - Successes in the first sample.
 * @param n1 - Size of the first sample.
 * @param x2 - Successes in the second sample.
 * @param n2 - Size of the second sample.
 * @param options - The method (default "newcombe"), the level (default 0.95) and, for "score",
 *   the Miettinen–Nurminen `correction`.
 * @returns The difference x1/n1 − x2/n2 with its limits.
 * @throws {@link SurveyError} `E_ARGUMENT` for invalid counts, level or method.
 *
 * @example
 * ```ts
 * import { differenceCI } from "svyprop";
 *
 * differenceCI(45, 60, 30, 60); // → { estimate: 0.25, lower: 0.0768, upper: 0.4035, method: "newcombe" }
 * // Wald, as R's prop.test(c(45, 30), c(60, 60), correct = FALSE)$conf.int:
 * differenceCI(45, 60, 30, 60, { method: "wald" }); // → { lower: 0.08263621, upper: 0.41736379 }
 * ```
 */
export function differenceCI(x1: number, n1: number, x2: number, n2: number, options: TwoSampleOptions<DifferenceMethod> = {}): Interval {
  const { method = "newcombe", level = 0.95, correction = true } = options;
  assertTwoSamples(x1, n1, x2, n2);
  assertLevel(level);
  assertOneOf("method", method, DIFFERENCE_METHODS);
  const { lower, upper } = LIMITS[method](x1, n1, x2, n2, level, correction);
  const clip = (d: number): number => Math.min(1, Math.max(-1, d));
  return { estimate: x1 / n1 - x2 / n2, lower: clip(lower), upper: clip(upper), level, method };
}
