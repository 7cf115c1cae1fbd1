import binomialPmf from "@stdlib/stats-base-dists-binomial-pmf";
import { ALTERNATIVES, EXACT_TIE_TOLERANCE, type Alternative } from "./alternative";
import { clopperPearsonLimits } from "./clopperPearson";
import { binomialLowerTail, binomialUpperTail } from "./tails";
import { assertLevel, assertOneOf, assertOpenProbability, assertSuccesses } from "./validate";

export interface BinomialTestOptions {
  /** Hypothesised probability of success, in (0, 1); default 0.5. */
  p0?: number;
  /** Default "two-sided". */
  alternative?: Alternative;
  /** Level of the Clopper–Pearson interval; default 0.95. */
  level?: number;
}

export interface BinomialTestResult {
  pValue: number;
  /** x/n */
  estimate: number;
  /** Clopper–Pearson limits for the alternative: one-sided ([0, U] or [L, 1]) for "less"/"greater". */
  lower: number;
  upper: number;
  level: number;
}

/**
 * Exact binomial test of H0: p = p0, as R `binom.test`. The two-sided p-value sums the
 * probabilities of every outcome no more likely than x (within a relative 1e-7); "less" and
 * "greater" are the tails P(X ≤ x) and P(X ≥ x).
 * Reference: Clopper & Pearson (1934), Biometrika 26:404–413, for the interval; the two-sided
 * p-value is the "minimum likelihood" method of Sterne (1954), Biometrika 41:275–278.
 */
export function binomialTest(x: number, n: number, options: BinomialTestOptions = {}): BinomialTestResult {
  const { p0 = 0.5, alternative = "two-sided", level = 0.95 } = options;
  assertSuccesses("x", x, "n", n);
  assertOpenProbability("p0", p0);
  assertOneOf("alternative", alternative, ALTERNATIVES);
  assertLevel(level);
  const pValue = {
    less: () => binomialLowerTail(x, n, p0),
    greater: () => binomialUpperTail(x, n, p0),
    "two-sided": () => twoSidedPValue(x, n, p0),
  }[alternative]();
  const alpha = 1 - level;
  const { lower, upper } = {
    less: () => ({ lower: 0, upper: clopperPearsonLimits(x, n, level, alpha).upper }),
    greater: () => ({ lower: clopperPearsonLimits(x, n, level, alpha).lower, upper: 1 }),
    "two-sided": () => clopperPearsonLimits(x, n, level),
  }[alternative]();
  return { pValue, estimate: x / n, lower, upper, level };
}

function twoSidedPValue(x: number, n: number, p0: number): number {
  const mean = n * p0;
  if (x === mean) return 1;
  const threshold = binomialPmf(x, n, p0) * EXACT_TIE_TOLERANCE;
  const noMoreLikely = (k: number): boolean => binomialPmf(k, n, p0) <= threshold;
  if (x < mean) {
    // outcomes above the mean that are no more likely than x: they form the tail from n − y + 1
    let y = 0;
    for (let k = Math.ceil(mean); k <= n; k += 1) if (noMoreLikely(k)) y += 1;
    return Math.min(1, binomialLowerTail(x, n, p0) + binomialUpperTail(n - y + 1, n, p0));
  }
  let y = 0;
  for (let k = 0; k <= Math.floor(mean); k += 1) if (noMoreLikely(k)) y += 1;
  return Math.min(1, binomialLowerTail(y - 1, n, p0) + binomialUpperTail(x, n, p0));
}
