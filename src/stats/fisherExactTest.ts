import { argumentError } from "../errors";
import { ALTERNATIVES, EXACT_TIE_TOLERANCE, type Alternative } from "./alternative";
import { tableMargins, type Margins } from "./contingencyTable";
import { binomialLogPmf } from "./binomialLogPmf";
import { firstInteger } from "./firstInteger";
import { monteCarloPValue, type MonteCarloOptions } from "./fisherMonteCarlo";
import { networkPValue } from "./fisherNetwork";

export { FISHER_EXACT_WORK_LIMIT } from "./fisherNetwork";
import { assertOneOf, assertPositiveCount } from "./validate";

/** Options of `fisherExactTest`. */
export interface FisherExactTestOptions extends MonteCarloOptions {
  /** Default "two-sided"; "less" and "greater" (on the odds ratio) need a 2 × 2 table. */
  alternative?: Alternative;
  /**
   * Estimate the two-sided p-value from `replicates` random tables (R `simulate.p.value = TRUE`)
   * instead of computing it exactly: for tables beyond the exact algorithm's work limit.
   */
  simulatePValue?: boolean;
  /**
   * r × c: the most steps the exact network algorithm may take before it gives up with
   * E_ARGUMENT (default FISHER_EXACT_WORK_LIMIT, 2·10⁷, a few seconds; R's `workspace`).
   */
  workLimit?: number;
}

/** Fisher's exact test's p-value, and the sample odds ratio of a 2 × 2 table. */
export interface FisherExactTestResult {
  /** The exact p-value (R `fisher.test`). */
  pValue: number;
  /** Sample odds ratio ad/bc of a 2 × 2 table (as scipy; R reports the conditional MLE instead). */
  oddsRatio?: number;
  /** Present when the p-value is a Monte Carlo estimate: the number of tables and the seed. */
  simulated?: {
    /** The number of random tables drawn. */
    replicates: number;
    /** The seed of the random number generator, so the p-value can be drawn again. */
    seed: number;
  };
}

/**
 * Fisher's exact test of independence, conditional on both margins.
 * 2 × 2: X = table[0][0] is hypergeometric; "less" is P(X ≤ x), "greater" P(X ≥ x) and
 * "two-sided" sums every outcome no more probable than x (within a relative 1e-7), as R
 * `fisher.test` and scipy `fisher_exact`. r × c (two-sided only): the same sum over every table
 * with the observed margins, P(T) = Π R_i! Π C_j! / (N! Π n_ij!), by the network algorithm of
 * Mehta & Patel as R's FEXACT (`networkPValue`); a table beyond its work limit
 * (`workLimit`) throws E_ARGUMENT naming the limit. With `simulatePValue` the
 * two-sided p-value of any table is a seeded Monte Carlo estimate (`monteCarloPValue`, R
 * `simulate.p.value = TRUE, B = 2000`).
 * Reference: Fisher (1935), JRSS 98:39–82; Agresti (2013), Categorical Data Analysis, §3.5.
 *
 * @param table - The r × c table of counts.
 * @param options - The alternative (default "two-sided"; one-sided needs a 2 × 2 table).
 * @returns The exact p-value, and for a 2 × 2 table the sample odds ratio ad/bc.
 * @throws {@link SurveyError} `E_ARGUMENT` for an invalid table or alternative, or a table with
 *   too many tables sharing its margins.
 *
 * @example
 * ```ts
 * import { fisherExactTest } from "svyprop";
 *
 * // R: fisher.test(matrix(c(45, 30, 15, 30), 2))$p.value
 * fisherExactTest([[45, 15], [30, 30]]); // → { pValue: 0.007953319, oddsRatio: 3 }
 * ```
 */
export function fisherExactTest(table: readonly (readonly number[])[], options: FisherExactTestOptions = {}): FisherExactTestResult {
  const { alternative = "two-sided" } = options;
  assertOneOf("alternative", alternative, ALTERNATIVES);
  const margins = tableMargins(table);
  const isTwoByTwo = margins.rowTotals.length === 2 && margins.columnTotals.length === 2;
  const oddsRatio = isTwoByTwo ? { oddsRatio: sampleOddsRatio(table) } : {};
  if (options.simulatePValue) {
    if (alternative !== "two-sided") throw argumentError("alternative", 'must be "two-sided" for a Monte Carlo p-value (as R)', alternative);
    const { replicates = 2000, seed = 1 } = options;
    return { pValue: monteCarloPValue(table, margins, { replicates, seed }), ...oddsRatio, simulated: { replicates, seed } };
  }
  if (!isTwoByTwo) {
    if (alternative !== "two-sided") throw argumentError("alternative", 'must be "two-sided" for a table larger than 2 × 2', alternative);
    if (options.workLimit !== undefined) assertPositiveCount("workLimit", options.workLimit);
    return { pValue: networkPValue(table, margins, options.workLimit) };
  }
  return { pValue: hypergeometricPValue(table[0]?.[0] as number, margins, alternative), ...oddsRatio };
}

/** ad/bc of a 2 × 2 table. */
function sampleOddsRatio(table: readonly (readonly number[])[]): number {
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  return (a * d) / (b * c);
}

/**
 * P-value of the top-left cell `a` under the hypergeometric law of a 2 × 2 table's margins.
 * The law is unimodal, so the outcomes no more probable than `a` form the two tails beyond a
 * pair of cut points, found by bisection on the log probability; each tail is then summed from
 * its cut outwards, in log space relative to the mode, until its terms no longer count. Work is
 * O(√variance), not O(support): a cell of 10⁷ takes milliseconds (a Map of every outcome
 * overflowed there before).
 */
function hypergeometricPValue(a: number, { rowTotals, columnTotals, total }: Margins, alternative: Alternative): number {
  const [row1, col1] = [rowTotals[0] as number, columnTotals[0] as number];
  const low = Math.max(0, row1 + col1 - total);
  const high = Math.min(row1, col1);
  const mode = Math.floor(((row1 + 1) * (col1 + 1)) / (total + 2));
  const logOf = (k: number): number => hypergeometricLogProbability(k, row1, col1, total) - hypergeometricLogProbability(mode, row1, col1, total);
  const tail = (from: number, step: 1 | -1): number => sumAway(logOf, from, step, low, high);
  const whole = tail(mode, 1) + tail(mode - 1, -1);
  const lowerTail = (k: number): number => (k < mode ? tail(k, -1) : whole - tail(k + 1, 1)); // Σ_{j ≤ k}
  const upperTail = (k: number): number => (k > mode ? tail(k, 1) : whole - tail(k - 1, -1)); // Σ_{j ≥ k}
  if (alternative === "less") return Math.min(1, lowerTail(a) / whole);
  if (alternative === "greater") return Math.min(1, upperTail(a) / whole);
  const threshold = logOf(a) + Math.log(EXACT_TIE_TOLERANCE);
  const counted = (k: number): boolean => logOf(k) <= threshold;
  // non-decreasing up to the mode, non-increasing after it
  const leftEnd = firstInteger((k) => !counted(k), low, mode) - 1; // last counted outcome below the mode
  const rightStart = firstInteger(counted, mode + 1, high); // first counted outcome above the mode
  const inTail = (leftEnd >= low ? tail(leftEnd, -1) : 0) + (rightStart <= high ? tail(rightStart, 1) : 0);
  return Math.min(1, inTail / whole);
}

/**
 * log P(X = k) of the hypergeometric top-left cell, as R's `dhyper`: the product of two binomial
 * probabilities over a third at p = c/N, each by Loader's saddle-point form (`binomialLogPmf`),
 * so large margins keep every digit (log-gamma differences lose 10⁻⁷ at N = 10⁷).
 */
function hypergeometricLogProbability(k: number, row1: number, col1: number, total: number): number {
  const p = col1 / total;
  return binomialLogPmf(k, row1, p) + binomialLogPmf(col1 - k, total - row1, p) - binomialLogPmf(col1, total, p);
}

/**
 * Σ exp(logOf(j)) for j from `from` outwards (step ±1) within [low, high], stopping once a term
 * no longer changes the sum (the law is unimodal and `from` lies on a falling side).
 */
function sumAway(logOf: (k: number) => number, from: number, step: 1 | -1, low: number, high: number): number {
  let sum = 0;
  for (let k = from; k >= low && k <= high; k += step) {
    const term = Math.exp(logOf(k));
    sum += term;
    if (term <= sum * 1e-17 && k !== from) break;
  }
  return sum;
}
