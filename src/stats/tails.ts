import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import gammainc from "@stdlib/math-base-special-gammainc";

/**
 * Tail probabilities computed directly (never as 1 − CDF), so small p-values keep their
 * relative precision.
 */

/** P(χ²_df ≥ statistic): the regularised upper incomplete gamma Q(df/2, statistic/2). */
export function chiSquareUpperTail(statistic: number, df: number): number {
  return gammainc(statistic / 2, df / 2, true, true);
}

/** P(X ≤ k) for X ~ Binomial(n, p) = I_{1−p}(n − k, k + 1). */
export function binomialLowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return betaCdf(1 - p, n - k, k + 1);
}

/** P(X ≥ k) for X ~ Binomial(n, p) = I_p(k, n − k + 1). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return betaCdf(p, k, n - k + 1);
}
