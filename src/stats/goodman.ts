import chiSquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import type { Limits } from "./limits";

/**
 * Goodman's simultaneous intervals for multinomial proportions, with A = χ²₁(1 − α/k):
 * (A + 2x_i ∓ √(A(A + 4x_i(N − x_i)/N))) / (2(N + A)).
 * Reference: Goodman (1965), "On simultaneous confidence intervals for multinomial
 * proportions", Technometrics 7:247–254; as statsmodels `multinomial_proportions_confint`.
 */
export function goodmanLimits(counts: readonly number[], level: number): Limits[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const A = chiSquareQuantile(1 - (1 - level) / counts.length, 1);
  return counts.map((x) => {
    const halfWidth = Math.sqrt(A * (A + (4 * x * (total - x)) / total));
    return { lower: (A + 2 * x - halfWidth) / (2 * (total + A)), upper: (A + 2 * x + halfWidth) / (2 * (total + A)) };
  });
}
