import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import gammainc from "@stdlib/math-base-special-gammainc";
import erfc from "@stdlib/math-base-special-erfc";
import { binomialLogPmf, deviance } from "./binomialLogPmf";

/**
 * Tail probabilities computed directly (never as 1 − CDF), so small p-values keep their
 * relative precision.
 */

/** P(χ²_df ≥ statistic): the regularised upper incomplete gamma Q(df/2, statistic/2). */
export function chiSquareUpperTail(statistic: number, df: number): number {
  return gammainc(statistic / 2, df / 2, true, true);
}

/**
 * Above this n the regularised incomplete beta of @stdlib loses accuracy (P(X ≥ 300000123) for
 * Binomial(10⁹, 0.3) came out 0.5008 instead of 0.4966); up to it, it agrees with R's pbinom to
 * 10 digits (checked at n = 10⁷ in tests/reference/exact-tests).
 */
const INCOMPLETE_BETA_MAX_N = 10_000_000;

/** Above this n the sum from the mode (some 10 standard deviations of terms) gives way to the saddle point. */
const SUMMED_MAX_N = 1e10;

/**
 * P(X ≤ k) for X ~ Binomial(n, p) = I_{1−p}(n − k, k + 1); for huge n a sum from the mode, then
 * beyond 10¹⁰ the saddle-point approximation (each computed on the far side of the mode and
 * complemented on the near side).
 */
export function binomialLowerTail(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (n <= INCOMPLETE_BETA_MAX_N) return betaCdf(1 - p, n - k, k + 1);
  if (n <= SUMMED_MAX_N) return k < binomialMode(n, p) ? binomialSumAway(k, n, p, -1) : 1 - binomialSumAway(k + 1, n, p, 1);
  return binomialUpperTail(n - k, n, 1 - p);
}

/** P(X ≥ k) for X ~ Binomial(n, p) = I_p(k, n − k + 1); for huge n as `binomialLowerTail`. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (n <= INCOMPLETE_BETA_MAX_N) return betaCdf(p, k, n - k + 1);
  if (n <= SUMMED_MAX_N) return k > binomialMode(n, p) ? binomialSumAway(k, n, p, 1) : 1 - binomialSumAway(k - 1, n, p, -1);
  return k > n * p ? saddlePointUpperTail(k, n, p) : 1 - saddlePointUpperTail(n - k + 1, n, 1 - p);
}

/**
 * P(X ≥ k) for k > np by the Lugannani–Rice formula with Daniels' lattice correction
 * (Daniels 1987, Int Stat Rev 55:37–48, eq. 4.8): Q(w) + φ(w)(1/u − 1/w), where
 * w = √(2 n KL(k/n ‖ p)) and u = (1 − e^{−θ}) √(k(n−k)/n) at the saddle point
 * θ = log(k(1−p) / ((n−k)p)). Relative error O(1/n) in every tail: 10⁻¹⁰ and below here.
 */
function saddlePointUpperTail(k: number, n: number, p: number): number {
  if (k === n) return Math.exp(n * Math.log(p));
  // one rounded mean for every term, so that near the centre w and u share their rounding and 1/u − 1/w keeps its digits
  const mean = n * p;
  const w = Math.sqrt(2 * (deviance(k, mean) + deviance(n - k, n - mean)));
  const theta = Math.log1p((k - mean) / (((n - k) * mean) / n)); // log(k(1−p) / ((n−k)p))
  const u = -Math.expm1(-theta) * Math.sqrt((k * (n - k)) / n);
  const density = Math.exp(-(w * w) / 2) / Math.sqrt(2 * Math.PI);
  return 0.5 * erfc(w / Math.SQRT2) + density * (1 / u - 1 / w);
}

function binomialMode(n: number, p: number): number {
  return Math.floor((n + 1) * p);
}

/**
 * Σ P(X = j) for j from `start` away from the mode (step +1 up to n, or −1 down to 0), in
 * log space: terms relative to the first by the ratio P(j+1)/P(j) = (n−j)p / ((j+1)(1−p)),
 * re-anchored on the exact log pmf every 1024 steps so rounding cannot drift, until a term
 * no longer changes the sum. Some 10 standard deviations of terms: 1.5·10⁵ at n = 10⁹.
 */
function binomialSumAway(start: number, n: number, p: number, step: 1 | -1): number {
  const logFirst = binomialLogPmf(start, n, p);
  const odds = p / (1 - p);
  let sum = 0;
  let term = 1;
  for (let j = start; j >= 0 && j <= n; j += step) {
    if ((j - start) % 1024 === 0) term = Math.exp(binomialLogPmf(j, n, p) - logFirst);
    sum += term;
    if (term <= sum * 1e-17) break;
    term *= step === 1 ? ((n - j) * odds) / (j + 1) : j / ((n - j + 1) * odds);
  }
  return Math.exp(logFirst + Math.log(sum));
}

/** P(|T_df| ≥ |t|) for Student's t: the regularised incomplete beta I_{df/(df+t²)}(df/2, 1/2). */
export function studentTwoSidedTail(t: number, df: number): number {
  return betaCdf(df / (df + t * t), df / 2, 0.5);
}
