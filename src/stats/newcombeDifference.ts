import type { Limits } from "./limits";
import { wilsonLimits } from "./wilson";

/**
 * Newcombe's hybrid score interval for p1 − p2, from the Wilson limits (l_i, u_i) of each group:
 * d − √((p̂1 − l1)² + (u2 − p̂2)²), d + √((u1 − p̂1)² + (p̂2 − l2)²), no continuity correction.
 * Reference: Newcombe (1998), Statistics in Medicine 17:873–890, method 10; statsmodels `newcomb`.
 */
export function newcombeDifferenceLimits(x1: number, n1: number, x2: number, n2: number, level: number): Limits {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const first = wilsonLimits(x1, n1, level);
  const second = wilsonLimits(x2, n2, level);
  return {
    lower: p1 - p2 - Math.hypot(p1 - first.lower, second.upper - p2),
    upper: p1 - p2 + Math.hypot(first.upper - p1, p2 - second.lower),
  };
}
