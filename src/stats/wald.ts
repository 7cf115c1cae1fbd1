import type { Limits } from "./limits";
import { twoSidedZ } from "./quantiles";

/**
 * Wald interval p̂ ∓ z·√(p̂(1−p̂)/n), unclipped.
 * Reference: Brown, Cai & DasGupta (2001), "Interval estimation for a binomial proportion",
 * Statistical Science 16:101–133, eq. (1). `x` and `n` may be effective (non-integer) counts.
 */
export function waldLimits(x: number, n: number, level: number): Limits {
  const p = x / n;
  const halfWidth = twoSidedZ(level) * Math.sqrt((p * (1 - p)) / n);
  return { lower: p - halfWidth, upper: p + halfWidth };
}
