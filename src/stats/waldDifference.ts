import type { Limits } from "./limits";
import { twoSidedZ } from "./quantiles";

/**
 * Wald interval for p1 − p2: p̂1 − p̂2 ∓ z·√(p̂1(1−p̂1)/n1 + p̂2(1−p̂2)/n2), unclipped.
 * Reference: Newcombe (1998), "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Statistics in Medicine 17:873–890, method 1.
 * Counts may be non-integer (see `agrestiCaffoLimits`).
 */
export function waldDifferenceLimits(x1: number, n1: number, x2: number, n2: number, level: number): Limits {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const halfWidth = twoSidedZ(level) * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { lower: p1 - p2 - halfWidth, upper: p1 - p2 + halfWidth };
}
