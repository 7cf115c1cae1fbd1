import { stirlingError } from "./binomialLogPmf";
import { firstInteger } from "./firstInteger";
import type { Limits } from "./limits";
import { poissonLogPmf, poissonLowerTail } from "./tails";

/**
 * Sison–Glaz simultaneous intervals for multinomial proportions: the box
 * [x_i − c, x_i + c] (cut to [0, N]) whose coverage ν(c), approximated by the Poisson–Edgeworth
 * formula (1) of the paper, first reaches 1 − α between c and c + 1; then
 * [p̂_i − c/N, p̂_i + (c + 2γ)/N] with γ = (1 − α − ν(c))/(ν(c+1) − ν(c)), clipped to [0, 1].
 * Reference: Sison & Glaz (1995), "Simultaneous confidence intervals and sample size
 * determination for multinomial proportions", JASA 90:366–369; as statsmodels
 * `multinomial_proportions_confint(method="sison-glaz")`, except that the search starts at c = 0
 * with ν(0) taken as 0, as in May & Johnson's reference code (R MultinomialCI): statsmodels
 * 0.13.5 starts at c = 1 and fails for sparse counts whose ν(1) already exceeds 1 − α (its issue
 * #9587). Where statsmodels finds an answer the two searches agree. For few cells (k = 2) the
 * approximation can stay below 1 − α for every c; once c is large enough that every box is all
 * of [0, N] the true coverage is exactly 1, and that exact value is used instead, so the search
 * always ends (statsmodels raises there).
 */
export function sisonGlazLimits(counts: readonly number[], level: number): Limits[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const wholeBox = Math.max(...counts.map((x) => Math.max(x, total - x)));
  const coverage = (c: number): number => {
    const approximation = approximateBoxProbability(counts, total, c);
    return c >= wholeBox && !(approximation > level) ? 1 : approximation;
  };
  // the c before the first box that covers more than 1 − α (it exists, since the whole box covers
  // 1): doubling, then bisection, as the coverage grows with the box: O(log N) evaluations, not
  // the O(√N) of a step-by-step search (minutes at N = 10⁸)
  const covers = (width: number): boolean => coverage(width + 1) > level;
  let bound = 1;
  while (bound < wholeBox && !covers(bound)) bound = Math.min(wholeBox, bound * 2);
  const c = firstInteger(covers, Math.floor(bound / 2), bound);
  const nuC = c === 0 ? 0 : coverage(c);
  const nuNext = coverage(c + 1);
  const gamma = (level - nuC) / (nuNext - nuC);
  return counts.map((x) => ({
    lower: Math.max(0, x / total - c / total),
    upper: Math.min(1, x / total + (c + 2 * gamma) / total),
  }));
}

/** P(low ≤ Y ≤ high) for Y ~ Poisson(mean). */
function poissonIntervalProbability(low: number, high: number, mean: number): number {
  return poissonLowerTail(high, mean) - poissonLowerTail(low - 1, mean);
}

interface CentralMoments {
  mean: number;
  variance: number;
  third: number;
  fourth: number;
}

/**
 * Mean and central moments of Poisson(λ) truncated to [a, b], in a constant number of steps
 * whatever λ. With p the Poisson pmf and M_r = Σ_{k=a..b} (k − λ)^r p(k), the identity
 * k p(k) = λ p(k − 1) gives (expanding (k + 1 − λ)^(r−1) binomially)
 *   M_r = λ [Σ_{j=0..r−2} C(r−1, j) M_j + (a − λ)^(r−1) p(a − 1) − (b + 1 − λ)^(r−1) p(b)],
 * so M_1 … M_4 follow from M_0 = P(a ≤ Y ≤ b) and the pmf at the box's two edges; the central
 * moments about the truncated mean are the usual binomial shifts of M_r / M_0. (Summing the box
 * term by term cost O(√λ) per cell: a minute at N = 10¹⁰. The paper's route through factorial
 * moments cancels catastrophically for large counts: mean⁴ terms of 10¹⁹ that should leave 10³.
 * These sums keep every term on the scale of the result.)
 */
function truncatedPoissonMoments(low: number, high: number, lambda: number, probability: number): CentralMoments {
  if (lambda === 0) return { mean: 0, variance: 0, third: 0, fourth: 0 }; // all mass at 0
  const below = Math.exp(poissonLogPmf(low - 1, lambda));
  const top = Math.exp(poissonLogPmf(high, lambda));
  const edges = (power: number): number => (low - lambda) ** power * below - (high + 1 - lambda) ** power * top;
  const m0 = probability;
  const m1 = lambda * edges(0);
  const m2 = lambda * (m0 + edges(1));
  const m3 = lambda * (m0 + 2 * m1 + edges(2));
  const m4 = lambda * (m0 + 3 * m1 + 3 * m2 + edges(3));
  // moments about λ of the truncated law, then about its mean λ + d
  const [r1, r2, r3, r4] = [m1 / m0, m2 / m0, m3 / m0, m4 / m0];
  const d = r1;
  return {
    mean: lambda + d,
    variance: r2 - d * d,
    third: r3 - 3 * d * r2 + 2 * d ** 3,
    fourth: r4 - 4 * d * r3 + 6 * d * d * r2 - 3 * d ** 4,
  };
}

/** Sison & Glaz's approximation (1) of the multinomial probability of the box x_i ∓ c. */
function approximateBoxProbability(counts: readonly number[], total: number, c: number): number {
  const boxes = counts.map((x) => ({ low: Math.max(x - c, 0), high: Math.min(x + c, total), mean: x }));
  let [sumMean, sumVariance, sumThird, sumFourth, sumVarianceSquared, logProduct] = [0, 0, 0, 0, 0, 0];
  for (const { low, high, mean } of boxes) {
    const probability = poissonIntervalProbability(low, high, mean);
    const moments = truncatedPoissonMoments(low, high, mean, probability);
    sumMean += moments.mean;
    sumVariance += moments.variance;
    sumVarianceSquared += moments.variance ** 2;
    sumThird += moments.third;
    sumFourth += moments.fourth;
    logProduct += Math.log(probability);
  }
  const g1 = sumThird / sumVariance ** 1.5;
  const g2 = (sumFourth - 3 * sumVarianceSquared) / sumVariance ** 2;
  const z = (total - sumMean) / Math.sqrt(sumVariance);
  const h3 = z ** 3 - 3 * z;
  const h4 = z ** 4 - 6 * z ** 2 + 3;
  const h6 = z ** 6 - 15 * z ** 4 + 45 * z ** 2 - 15;
  const density =
    (Math.exp(-(z ** 2) / 2) / Math.sqrt(2 * Math.PI)) * (1 + (g1 * h3) / 6 + (g2 * h4) / 24 + (g1 ** 2 * h6) / 72);
  // log of the Poisson(N) probability of N, −N + N log N − log N!, by Stirling's series: the direct
  // form cancels 10¹³-sized terms at N = 10¹² (the half-width came out 48/N there)
  const logPoissonAtTotal = -0.5 * Math.log(2 * Math.PI * total) - stirlingError(total);
  return Math.exp(logProduct + Math.log(density / Math.sqrt(sumVariance)) - logPoissonAtTotal);
}
