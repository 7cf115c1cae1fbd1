import type { Limits } from "./limits";
import { waldDifferenceLimits } from "./waldDifference";

/**
 * Agresti–Caffo interval for p1 − p2: the Wald interval after adding one success and one
 * failure to each group. Reference: Agresti & Caffo (2000), "Simple and effective confidence
 * intervals for proportions and differences of proportions result from adding two successes
 * and two failures", The American Statistician 54:280–288.
 */
export function agrestiCaffoLimits(x1: number, n1: number, x2: number, n2: number, level: number): Limits {
  return waldDifferenceLimits(x1 + 1, n1 + 2, x2 + 1, n2 + 2, level);
}
