import betaCdf from "@stdlib/stats-base-dists-beta-cdf";
import gammainc from "@stdlib/math-base-special-gammainc";
import erfc from "@stdlib/math-base-special-erfc";
import { binomialLogPmf, deviance, stirlingError } from "./binomialLogPmf";

/**
 * Tail probabilities computed directly (never as 1 − CDF), so small p-values keep their
 * relative precision.
 */

/**
 * P(χ²_df ≥ statistic): the regularised upper incomplete gamma Q(df/2, statistic/2), which is
 * P(Y ≤ df/2 − 1) for Y ~ Poisson(statistic/2): Temme's expansion (`temmeLowerTail`) when both
 * are large (@stdlib's `gammainc` gave 0.50266 for R's 0.49867 at df = statistic = 20 000).
 */
export function chiSquareUpperTail(statistic: number, df: number): number {
  if (df / 2 - 1 >= CHI_SQUARE_TEMME_MIN && statistic / 2 >= CHI_SQUARE_TEMME_MIN) return temmeLowerTail(df / 2 - 1, statistic / 2);
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

/** From this shape on (k and λ both at least this), the Poisson CDF is Temme's expansion; below, a direct sum of at most some thousand terms. */
const TEMME_MIN = 1000;
/** From this half-df and half-statistic on, chi-square's tail is Temme's expansion too (@stdlib's `gammainc` is off by 10⁻² at df = 2001). */
const CHI_SQUARE_TEMME_MIN = 50;

/** Temme's coefficients: the uniform expansion's (A) and the Stirling series' of Γ* (B), orders 1–7. */
const TEMME_A = [2 / 3, -4 / 135, 8 / 2835, 16 / 8505, -8992 / 12629925, -334144 / 492567075, 698752 / 1477701225];
const STIRLING_B = [1 / 12, 1 / 288, -139 / 51840, -571 / 2488320, 163879 / 209018880, 5246819 / 75246796800, -534703531 / 902961561600];

/**
 * P(Y ≤ k) for Y ~ Poisson(λ), to about 15 digits for any λ (10¹⁴ and beyond). For k and λ of a
 * thousand or more, Temme's uniform asymptotic expansion of the incomplete gamma function
 * (Temme 1979, SIAM J Math Anal 10:757–766; in the form of R's `ppois` for large arguments):
 * Φ̄(s) + φ(s) f with s = sign(λ − k) √(2 D(k, λ)), D the deviance of `binomialLogPmf` (no
 * cancellation near λ) and f a seven-term series in 1/k; below, the pmf summed from k away from
 * the mode. (@stdlib's `gammainc` is off by 4·10⁻⁴ at k = λ = 10⁶ and by 0.46 at 10¹⁴.)
 */
export function poissonLowerTail(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda === 0) return 1;
  if (k < TEMME_MIN || lambda < TEMME_MIN) return k < lambda ? poissonSumAway(k, lambda, -1) : 1 - poissonSumAway(k + 1, lambda, 1);
  return temmeLowerTail(k, lambda);
}

/** Temme's expansion of Q(k + 1, λ) (k need not be whole), for k and λ of `TEMME_MIN` or more: see `poissonLowerTail`. */
function temmeLowerTail(k: number, lambda: number): number {
  const deviation = deviance(k, lambda);
  const t = deviation / k; // −log1pmx((λ − k)/k)
  const s = Math.sign(lambda - k) * Math.sqrt(2 * deviation);
  let series = 0;
  let firstSum = Math.sqrt(k);
  let firstTerm = firstSum;
  let secondSum = s;
  let secondTerm = s;
  for (let i = 1; i <= 7; i++) {
    series += firstSum * (TEMME_A[i - 1] as number) + secondSum * (STIRLING_B[i - 1] as number);
    firstTerm *= t / i;
    secondTerm *= (2 * t) / (2 * i + 1);
    firstSum = firstSum / k + firstTerm;
    secondSum = secondSum / k + secondTerm;
  }
  let gammaStar = k;
  let power = 1;
  for (const b of STIRLING_B) {
    gammaStar += power * b;
    power /= k;
  }
  const density = Math.exp(-(s * s) / 2) / Math.sqrt(2 * Math.PI);
  return 0.5 * erfc(s / Math.SQRT2) + (series / gammaStar) * density;
}

/** Σ P(Y = j) for Y ~ Poisson(λ), j from `start` away from the mode (step +1, or −1 down to 0), until a term no longer changes the sum. */
function poissonSumAway(start: number, lambda: number, step: 1 | -1): number {
  if (start < 0) return 0;
  let term = Math.exp(poissonLogPmf(start, lambda));
  let sum = 0;
  for (let j = start; j >= 0; j += step) {
    sum += term;
    if (term <= sum * 1e-17 && (step === -1 || j > lambda)) break;
    term *= step === 1 ? lambda / (j + 1) : j / lambda;
  }
  return sum;
}

/** log P(Y = k) for Y ~ Poisson(λ), by Loader's saddle-point form (no cancellation at λ = 10¹⁴): −½ log(2πk) − δ(k) − D(k, λ). */
export function poissonLogPmf(k: number, lambda: number): number {
  if (k < 0) return -Infinity;
  if (k === 0) return -lambda;
  return -0.5 * Math.log(2 * Math.PI * k) - stirlingError(k) - deviance(k, lambda);
}
