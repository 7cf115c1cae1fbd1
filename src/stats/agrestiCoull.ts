import type { Limits } from "./limits";
import { twoSidedZ } from "./quantiles";

/**
 * Agresti–Coull ("add z²/2 successes and failures") interval: ñ = n + z²,
 * p̃ = (x + z²/2)/ñ, p̃ ∓ z·√(p̃(1−p̃)/ñ), unclipped.
 * Reference: Agresti & Coull (1998), "Approximate is better than 'exact' for interval
 * estimation of binomial proportions", The American Statistician 52:119–126.
 * `x` and `n` may be effective (non-integer) counts.
 */
export function agrestiCoullLimits(x: number, n: number, level: number): Limits {
  const z = twoSidedZ(level);
  const nTilde = n + z * z;
  const pTilde = (x + (z * z) / 2) / nTilde;
  const halfWidth = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
  return { lower: pTilde - halfWidth, upper: pTilde + halfWidth };
}
