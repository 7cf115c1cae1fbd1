import gammainc from "@stdlib/math-base-special-gammainc";
import { stirlingError } from "./binomialLogPmf";
import { firstInteger } from "./firstInteger";
import type { Limits } from "./limits";

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

/** P(low ≤ Y ≤ high) for Y ~ Poisson(mean), from the upper regularised incomplete gamma. */
function poissonIntervalProbability(low: number, high: number, mean: number): number {
  const cdf = (k: number): number => (k < 0 ? 0 : gammainc(mean, k + 1, true, true));
  return cdf(high) - cdf(low - 1);
}

interface CentralMoments {
  mean: number;
  variance: number;
  third: number;
  fourth: number;
}

/**
 * Mean and central moments of Poisson(mean) truncated to [low, high], summed directly over the
 * box. (The paper's route through factorial moments cancels catastrophically for large counts:
 * mean⁴ terms of 10¹⁹ that should leave 10³.)
 */
function truncatedPoissonMoments(low: number, high: number, mean: number): CentralMoments {
  if (mean === 0) return { mean: 0, variance: 0, third: 0, fourth: 0 }; // all mass at 0
  // unnormalised probabilities, 1 at the point nearest the mode, by pmf(k+1)/pmf(k) = mean/(k+1)
  const start = Math.min(high, Math.max(low, Math.floor(mean)));
  const points: Array<[number, number]> = [[start, 1]];
  // terms below 10⁻²⁰ of the mode's change none of the sums: stop there (some 10 standard deviations)
  for (let k = start, w = 1; k < high && w > 1e-20; k += 1) {
    w *= mean / (k + 1);
    points.push([k + 1, w]);
  }
  for (let k = start, w = 1; k > low && w > 1e-20; k -= 1) {
    w *= k / mean;
    points.push([k - 1, w]);
  }
  const total = points.reduce((sum, [, w]) => sum + w, 0);
  const center = points.reduce((sum, [k, w]) => sum + k * w, 0) / total;
  const moment = (r: number): number => points.reduce((sum, [k, w]) => sum + (k - center) ** r * w, 0) / total;
  return { mean: center, variance: moment(2), third: moment(3), fourth: moment(4) };
}

/** Sison & Glaz's approximation (1) of the multinomial probability of the box x_i ∓ c. */
function approximateBoxProbability(counts: readonly number[], total: number, c: number): number {
  const boxes = counts.map((x) => ({ low: Math.max(x - c, 0), high: Math.min(x + c, total), mean: x }));
  let [sumMean, sumVariance, sumThird, sumFourth, sumVarianceSquared, logProduct] = [0, 0, 0, 0, 0, 0];
  for (const { low, high, mean } of boxes) {
    const moments = truncatedPoissonMoments(low, high, mean);
    sumMean += moments.mean;
    sumVariance += moments.variance;
    sumVarianceSquared += moments.variance ** 2;
    sumThird += moments.third;
    sumFourth += moments.fourth;
    logProduct += Math.log(poissonIntervalProbability(low, high, mean));
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
