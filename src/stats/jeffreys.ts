import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import type { Limits } from "./limits";

/**
 * Jeffreys interval: equal-tailed quantiles of the Beta(x + ½, n − x + ½) posterior, with the
 * boundary modification L = 0 at x = 0 and U = 1 at x = n (so the interval always holds p̂).
 * Reference: Brown, Cai & DasGupta (2001), Statistical Science 16:101–133, section 4.1.2.
 * `x` and `n` may be effective (non-integer) counts.
 */
export function jeffreysLimits(x: number, n: number, level: number): Limits {
  const alpha = 1 - level;
  return {
    lower: x === 0 ? 0 : betaQuantile(alpha / 2, x + 0.5, n - x + 0.5),
    upper: x === n ? 1 : betaQuantile(1 - alpha / 2, x + 0.5, n - x + 0.5),
  };
}
