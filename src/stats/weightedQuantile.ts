import { argumentError } from "../errors";

/** Values of a sample sorted ascending (ties in their original order) with cumulative weights. */
export interface SortedWeights {
  /** The values, sorted ascending. */
  values: Float64Array;
  /** Σ of the weights up to and including each sorted value. */
  cumulative: Float64Array;
  /** Σ of all the weights. */
  total: number;
}

/**
 * Sorts a weighted sample for `weightedQuantile`: rows with a zero weight (or outside `mask`) are
 * left out, as R survey's quantile rules drop them; ties keep their order (R `order`). The
 * cumulative weights are summed with a compensation term (Neumaier 1974), as R's `cumsum` and
 * `sum` accumulate in extended precision: equal weights then reach p·ΣW exactly where R's do, and
 * the quantile rule takes the same branch.
 *
 * @param x - The values.
 * @param w - Their weights (default 1 each).
 * @param mask - The rows to keep, 0/1 (default: all).
 * @returns The kept values, sorted, with their cumulative weights.
 *
 * @example
 * ```ts
 * import { sortWeights } from "svyprop";
 *
 * // The zero-weight row is left out.
 * sortWeights([3, 1, 2, 4], [1, 0, 1, 1]); // → { values: [2, 3, 4], cumulative: [1, 2, 3], total: 3 }
 * ```
 */
export function sortWeights(x: ArrayLike<number>, w: ArrayLike<number> | undefined, mask?: ArrayLike<number>): SortedWeights {
  const rows: number[] = [];
  for (let i = 0; i < x.length; i++) if ((mask === undefined || mask[i]) && (w === undefined || w[i]! !== 0)) rows.push(i);
  rows.sort((a, b) => x[a]! - x[b]! || a - b);
  const values = Float64Array.from(rows, (i) => x[i]!);
  const cumulative = new Float64Array(rows.length);
  let sum = 0;
  let compensation = 0;
  rows.forEach((i, k) => {
    const term = w === undefined ? 1 : w[i]!;
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    cumulative[k] = sum + compensation;
  });
  return { values, cumulative, total: sum + compensation };
}

/**
 * The p-quantile of a weighted sample by R survey's rule "math" (`qrule_math`, the weighted
 * Hyndman & Fan 1996 type 1, an inverse of the weighted empirical CDF): with the values sorted
 * and C_k their cumulative weights, k = the last index with C_k ≤ p·ΣW (the first when there is
 * none); the quantile is x_k when C_k/ΣW = p exactly, else x_{k+1} (x_k at the end). R survey
 * 4.1 `qs` and `qrule_math` (Lumley, survey package, R/qrule.R).
 *
 * @param sorted - The values sorted with their weights, from `sortWeights`.
 * @param p - The probability, in [0, 1].
 * @returns The weighted p-quantile.
 *
 * @example
 * ```ts
 * import { sortWeights, weightedQuantile } from "svyprop";
 *
 * weightedQuantile(sortWeights([3, 1, 2, 4], [1, 1, 1, 1]), 0.5); // → 2
 * ```
 */
export function weightedQuantile(sorted: SortedWeights, p: number): number {
  const { values, cumulative, total } = sorted;
  const n = values.length;
  if (n === 0) throw argumentError("x", "has no value with a positive weight");
  if (!(p >= 0 && p <= 1)) throw argumentError("p", "must be a probability in [0, 1]", p);
  const target = p * total;
  // Last k with C_k ≤ p·ΣW: C is non-decreasing, so bisect.
  let lo = 0;
  let hi = n; // first index with C > target
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! <= target) lo = mid + 1;
    else hi = mid;
  }
  const pos = lo === 0 ? 0 : lo - 1;
  const next = pos === n - 1 ? pos : pos + 1;
  return p - cumulative[pos]! / total === 0 ? values[pos]! : values[next]!;
}
