import type { Limits } from "./limits";
import { twoSidedZ } from "./quantiles";

/**
 * Wilson score interval with continuity correction: the score interval solved with p̂ moved
 * ½/n towards each limit, L = 0 at x = 0 and U = 1 at x = n.
 * Reference: Newcombe (1998), "Two-sided confidence intervals for the single proportion:
 * comparison of seven methods", Statistics in Medicine 17:857–872, method 4.
 * The correction is always ½, as Newcombe has it. R `prop.test(correct = TRUE)` uses
 * min(½, |x − n/2|) instead, so at x = n/2 R returns the uncorrected interval (the oracle's
 * disagreement D1); elsewhere the two agree. `x` and `n` may be effective (non-integer) counts.
 */
export function wilsonCCLimits(x: number, n: number, level: number): Limits {
  const p = x / n;
  const z = twoSidedZ(level);
  const z2Over2n = (z * z) / (2 * n);
  const denominator = 1 + 2 * z2Over2n;
  const shiftedLimit = (shifted: number, sign: 1 | -1): number =>
    (shifted + z2Over2n + sign * z * Math.sqrt((shifted * (1 - shifted)) / n + z2Over2n / (2 * n))) / denominator;
  const pDown = p - 0.5 / n;
  const pUp = p + 0.5 / n;
  return {
    lower: pDown <= 0 ? 0 : shiftedLimit(pDown, -1),
    upper: pUp >= 1 ? 1 : shiftedLimit(pUp, 1),
  };
}
