import chiSquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import { bisect } from "./bisect";
import type { Limits } from "./limits";
import { expit } from "./expit";

/** What a two-sample interval compares: p1 − p2, p1/p2 or the odds ratio. */
export type Comparison = "diff" | "ratio" | "odds-ratio";

interface Sample {
  x1: number;
  n1: number;
  x2: number;
  n2: number;
}

/**
 * Score interval for a difference, ratio or odds ratio of two independent proportions, by
 * direct inversion of the score test: {v : T(v) ≤ χ²₁(level)} where T uses the maximum-likelihood
 * estimates (p̃1, p̃2) restricted to the null value v.
 * - diff: T = (p̂1 − p̂2 − v)²/V, V = p̃1q̃1/n1 + p̃2q̃2/n2 (Mee 1984, Biometrics 40:1175–1176);
 * - ratio: T = (p̂1 − v·p̂2)²/V, V = p̃1q̃1/n1 + v²·p̃2q̃2/n2 (Koopman 1984, Biometrics 40:513–517);
 * - odds ratio: T = (x1 − n1p̃1)²·(1/(n1p̃1q̃1) + 1/(n2p̃2q̃2)) (Miettinen & Nurminen 1985);
 * with `correction`, V is multiplied by N/(N − 1), N = n1 + n2: Miettinen & Nurminen (1985),
 * "Comparative analysis of two rates", Statistics in Medicine 4:213–226.
 * The restricted log-likelihood is concave in p2 (diff, ratio) and n1p̃1 + n2p̃2 = x1 + x2 is
 * monotone in logit p2 (odds ratio), so p̃ is found by bisection; the limits are located by a grid
 * scan outwards from the estimate and refined by bisection. Ratio and odds-ratio limits are
 * searched on the log scale within e^±35; a limit beyond that is reported as 0 or ∞.
 */
export function twoSampleScoreLimits(comparison: Comparison, sample: Sample, level: number, correction: boolean): Limits {
  const critical = chiSquareQuantile(level, 1);
  const varianceFactor = correction ? (sample.n1 + sample.n2) / (sample.n1 + sample.n2 - 1) : 1;
  const statistic = (v: number): number => SCORE_STATISTICS[comparison](sample, v) / varianceFactor;
  const { x1, n1, x2, n2 } = sample;
  if (comparison === "diff") return invertOnGrid(statistic, critical, -1, 1, x1 / n1 - x2 / n2, (v) => v);
  // log scale; an estimate of 0 or ∞ starts the scan at the end of the range, where T → 0
  const estimate = comparison === "ratio" ? (x1 / n1) / (x2 / n2) : (x1 * (n2 - x2)) / ((n1 - x1) * x2);
  const start = Math.min(LOG_RANGE, Math.max(-LOG_RANGE, Math.log(estimate)));
  const { lower, upper } = invertOnGrid((u) => statistic(Math.exp(u)), critical, -LOG_RANGE, LOG_RANGE, start, Math.exp);
  return { lower: lower <= Math.exp(-LOG_RANGE) ? 0 : lower, upper: upper >= Math.exp(LOG_RANGE) ? Infinity : upper };
}

const LOG_RANGE = 35;
/** Search range of the restricted MLE of logit p2 for the odds ratio. */
const LOGIT_RANGE = 200;
const GRID_STEPS = 2000;

/**
 * {t ∈ [from, to] : T(t) ≤ critical} around `start` (where T is 0): walks a grid outwards
 * from `start` to the first point where T exceeds `critical`, then bisects between that point
 * and the last one inside; returns the limits mapped back by `toValue`.
 */
function invertOnGrid(
  T: (t: number) => number,
  critical: number,
  from: number,
  to: number,
  start: number,
  toValue: (t: number) => number,
): Limits {
  const step = (to - from) / GRID_STEPS;
  const excess = (t: number): number => T(t) - critical;
  const edge = (direction: 1 | -1): number => {
    const end = direction === 1 ? to : from;
    let inside = start;
    let index = Math.floor((start - from) / step);
    for (;;) {
      index += direction;
      const next = direction === 1 ? Math.min(end, from + index * step) : Math.max(end, from + index * step);
      if ((next - inside) * direction <= 0 && next !== end) continue; // not beyond `inside` yet
      if (excess(next) > 0) return bisect(excess, inside, next);
      if (next === end) return end;
      inside = next;
    }
  };
  return { lower: toValue(edge(-1)), upper: toValue(edge(1)) };
}

/** count/p, the derivative of count·log p, taken as 0 for a zero count (0·log 0 = 0, even at p = 0). */
const countOver = (count: number, p: number): number => (count === 0 ? 0 : count / p);

/** d/dp2 of the binomial log-likelihood of (x1, n1) at p1 and (x2, n2) at p2, with dp1/dp2 = slope. */
function scoreInP2({ x1, n1, x2, n2 }: Sample, p1: number, p2: number, slope: number): number {
  return (
    slope * (countOver(x1, p1) - countOver(n1 - x1, 1 - p1)) + countOver(x2, p2) - countOver(n2 - x2, 1 - p2)
  );
}

/** The p2 in [low, high] maximising a concave log-likelihood whose derivative is `score`. */
function concaveMaximum(score: (p2: number) => number, low: number, high: number): number {
  if (low === high) return low;
  if (score(low) <= 0) return low;
  if (score(high) >= 0) return high;
  return bisect(score, low, high);
}

/** (numerator)²/variance, 0 when the numerator is 0 (even at zero variance). */
const quadraticForm = (difference: number, variance: number): number =>
  difference === 0 ? 0 : (difference * difference) / variance;

const SCORE_STATISTICS: Record<Comparison, (sample: Sample, v: number) => number> = {
  diff(sample, v) {
    const { x1, n1, x2, n2 } = sample;
    const p2 = concaveMaximum((t) => scoreInP2(sample, t + v, t, 1), Math.max(0, -v), Math.min(1, 1 - v));
    const p1 = Math.min(1, Math.max(0, p2 + v));
    return quadraticForm(x1 / n1 - x2 / n2 - v, (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  },
  ratio(sample, v) {
    const { x1, n1, x2, n2 } = sample;
    const p2 = concaveMaximum((t) => scoreInP2(sample, v * t, t, v), 0, Math.min(1, 1 / v));
    const p1 = Math.min(1, v * p2);
    return quadraticForm(x1 / n1 - (v * x2) / n2, (p1 * (1 - p1)) / n1 + (v * v * p2 * (1 - p2)) / n2);
  },
  "odds-ratio"(sample, v) {
    const { x1, n1, x2, n2 } = sample;
    const total = x1 + x2;
    if (total === 0 || total === n1 + n2) return 0; // p̃ at the boundary, where x1 = n1·p̃1
    const logV = Math.log(v);
    const eta2 = bisect((eta) => n1 * expit(eta + logV) + n2 * expit(eta) - total, -LOGIT_RANGE, LOGIT_RANGE);
    const [p1, q1, p2, q2] = [expit(eta2 + logV), expit(-eta2 - logV), expit(eta2), expit(-eta2)];
    // x1 − n1p̃1 = n2p̃2 − x2 = n1q̃1 − (n1 − x1) = (n2 − x2) − n2q̃2: take the form with the smallest terms
    const forms: Array<[number, number]> = [[x1, n1 * p1], [n1 * q1, n1 - x1], [n2 * p2, x2], [n2 - x2, n2 * q2]];
    const [a, b] = forms.reduce((best, form) => (Math.max(...form) < Math.max(...best) ? form : best));
    return quadraticForm(a - b, 1 / (1 / (n1 * p1 * q1) + 1 / (n2 * p2 * q2)));
  },
};
