import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import type { Limits } from "./limits";

/**
 * Clopper–Pearson ("exact") interval from beta quantiles:
 * L = B(α/2; x, n−x+1), U = B(1−α/2; x+1, n−x), with L = 0 at x = 0 and U = 1 at x = n.
 * Reference: Clopper & Pearson (1934), "The use of confidence or fiducial limits illustrated
 * in the case of the binomial", Biometrika 26:404–413; as R `binom.test`. `x` and `n` may be
 * effective (non-integer) counts, as in Korn & Graubard (1998), Survey Methodology 24:193–201.
 * `tailProbability` is the probability left outside each limit (α/2 for a two-sided interval).
 */
export function clopperPearsonLimits(x: number, n: number, level: number, tailProbability = (1 - level) / 2): Limits {
  return {
    lower: x === 0 ? 0 : betaQuantile(tailProbability, x, n - x + 1),
    upper: x === n ? 1 : betaQuantile(1 - tailProbability, x + 1, n - x),
  };
}
