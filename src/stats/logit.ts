import { clopperPearsonLimits } from "./clopperPearson";
import type { Limits } from "./limits";
import { twoSidedZ } from "./quantiles";
import { expit } from "./expit";

/**
 * Logit interval: the Wald interval on the log-odds scale, back-transformed:
 * expit(logit p̂ ∓ z/√(n·p̂(1−p̂))).
 * Reference: Brown, Cai & DasGupta (2001), Statistical Science 16:101–133, section 4.2.1.
 * It is undefined at x = 0 and x = n (infinite log-odds); there it returns the
 * Clopper–Pearson limits [0, 1 − (α/2)^(1/n)] and [(α/2)^(1/n), 1] instead, so that it never
 * yields NaN. `x` and `n` may be effective (non-integer) counts.
 */
export function logitLimits(x: number, n: number, level: number): Limits {
  if (x === 0 || x === n) return clopperPearsonLimits(x, n, level);
  const p = x / n;
  const logOdds = Math.log(p / (1 - p));
  const halfWidth = twoSidedZ(level) / Math.sqrt(n * p * (1 - p));
  return { lower: expit(logOdds - halfWidth), upper: expit(logOdds + halfWidth) };
}
