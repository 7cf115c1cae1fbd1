import type { Limits } from "./limits";
import { twoSidedZ } from "./quantiles";

/**
 * Wilson score interval: the p₀ with |p̂ − p₀| ≤ z·√(p₀(1−p₀)/n), i.e.
 * (p̂ + z²/2n ∓ z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
 * Reference: Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", JASA 22:209–212; as R `prop.test(correct = FALSE)`. The limit is exactly 0 at
 * x = 0 and 1 at x = n. `x` and `n` may be effective (non-integer) counts.
 */
export function wilsonLimits(x: number, n: number, level: number): Limits {
  const p = x / n;
  const z = twoSidedZ(level);
  const z2Over2n = (z * z) / (2 * n);
  const halfWidth = z * Math.sqrt((p * (1 - p)) / n + z2Over2n / (2 * n));
  const denominator = 1 + 2 * z2Over2n;
  return {
    lower: x === 0 ? 0 : (p + z2Over2n - halfWidth) / denominator,
    upper: x === n ? 1 : (p + z2Over2n + halfWidth) / denominator,
  };
}
