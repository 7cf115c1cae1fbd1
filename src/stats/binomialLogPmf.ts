import gammaln from "@stdlib/math-base-special-gammaln";

/**
 * log P(X = k) for X ~ Binomial(n, p), accurate to a few ulps for any n (10⁹ and beyond), by
 * Loader's saddle-point form (Loader 2000, "Fast and accurate computation of binomial
 * probabilities", the algorithm of R's `dbinom`):
 * log f = δ(n) − δ(k) − δ(n−k) − D(k, np) − D(n−k, nq) + ½ log(n / (2π k (n−k))),
 * with δ the Stirling-series error and D(x, m) = x log(x/m) + m − x computed without
 * cancellation. log-gamma differences lose ~10⁻⁶ relative at n = 10⁹; this does not.
 */
export function binomialLogPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return -Infinity;
  const q = 1 - p;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const logDensity =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * p) - deviance(n - k, n * q);
  return logDensity + 0.5 * Math.log(n / (2 * Math.PI * k * (n - k)));
}

/** δ(n) = log n! − log(√(2πn) (n/e)ⁿ): the Stirling series for n > 15, exact log-gamma below. */
export function stirlingError(n: number): number {
  if (n <= 15) return gammaln(n + 1) - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
  const n2 = n * n;
  if (n > 500) return (1 / 12 - 1 / 360 / n2) / n;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / n2) / n2) / n2) / n2) / n;
}

/** D(x, m) = x log(x/m) + m − x, by its series in v = (x − m)/(x + m) when x is near m. */
export function deviance(x: number, m: number): number {
  if (Math.abs(x - m) >= 0.1 * (x + m)) return x * Math.log(x / m) + m - x;
  const v = (x - m) / (x + m);
  const v2 = v * v;
  let sum = (x - m) * v;
  let term = 2 * x * v;
  for (let j = 1; j < 1000; j += 1) {
    term *= v2;
    const next = sum + term / (2 * j + 1);
    if (next === sum) return sum;
    sum = next;
  }
  return sum;
}
