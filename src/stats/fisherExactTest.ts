import { argumentError } from "../errors";
import { ALTERNATIVES, EXACT_TIE_TOLERANCE, type Alternative } from "./alternative";
import { tableMargins, type Margins } from "./contingencyTable";
import { binomialLogPmf } from "./binomialLogPmf";
import { firstInteger } from "./firstInteger";
import { assertOneOf } from "./validate";

/** Options of `fisherExactTest`. */
export interface FisherExactTestOptions {
  /** Default "two-sided"; "less" and "greater" (on the odds ratio) need a 2 × 2 table. */
  alternative?: Alternative;
}

/** Fisher's exact test's p-value, and the sample odds ratio of a 2 × 2 table. */
export interface FisherExactTestResult {
  /** The exact p-value (R `fisher.test`). */
  pValue: number;
  /** Sample odds ratio ad/bc of a 2 × 2 table (as scipy; R reports the conditional MLE instead). */
  oddsRatio?: number;
}

/**
 * Fisher's exact test of independence, conditional on both margins.
 * 2 × 2: X = table[0][0] is hypergeometric; "less" is P(X ≤ x), "greater" P(X ≥ x) and
 * "two-sided" sums every outcome no more probable than x (within a relative 1e-7), as R
 * `fisher.test` and scipy `fisher_exact`. r × c (two-sided only): the same sum over every table
 * with the observed margins, P(T) = Π R_i! Π C_j! / (N! Π n_ij!), by complete enumeration
 * (fine for the small tables the test is meant for; R uses the network algorithm of
 * Mehta & Patel 1983, JASA 78:427–434, which gives the same sum). A table with more than
 * 20 million tables sharing its margins throws E_ARGUMENT rather than run for minutes.
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
  if (!isTwoByTwo) {
    if (alternative !== "two-sided") throw argumentError("alternative", 'must be "two-sided" for a table larger than 2 × 2', alternative);
    return { pValue: enumeratedPValue(table, margins) };
  }
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  return { pValue: hypergeometricPValue(a, margins, alternative), oddsRatio: (a * d) / (b * c) };
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

/** Enumeration budget of the r × c test: a few seconds of work. */
const MAX_ENUMERATED_TABLES = 20_000_000;

/** Two-sided exact p-value of an r × c table by enumerating every table with its margins. */
function enumeratedPValue(table: readonly (readonly number[])[], { rowTotals, columnTotals, total }: Margins): number {
  const logFactorial = [0];
  for (let i = 1; i <= total; i += 1) logFactorial.push((logFactorial[i - 1] as number) + Math.log(i));
  const lf = (k: number): number => logFactorial[k] as number;
  const logConstant =
    rowTotals.reduce((s, r) => s + lf(r), 0) + columnTotals.reduce((s, c) => s + lf(c), 0) - lf(total);
  const observedLog = logConstant - table.flat().reduce((s, n) => s + lf(n), 0);
  const thresholdLog = observedLog + Math.log(EXACT_TIE_TOLERANCE);
  const rows = rowTotals.length;
  const columns = columnTotals.length;
  const remaining = [...rowTotals];
  let pValue = 0;
  let tablesLeft = MAX_ENUMERATED_TABLES;

  // fills column j from row i down, with `left` of the column total still to place
  const fill = (j: number, i: number, left: number, sumLogCells: number): void => {
    if (j === columns - 1) {
      tablesLeft -= 1;
      if (tablesLeft < 0) {
        throw argumentError("table", `has more than ${MAX_ENUMERATED_TABLES} tables with its margins, too many for the exact test; use chiSquareTest`);
      }
      // the last column is forced by the remaining row totals
      const logP = logConstant - sumLogCells - remaining.reduce((s, r) => s + lf(r), 0);
      if (logP <= thresholdLog) pValue += Math.exp(logP);
      return;
    }
    if (i === rows - 1) {
      if (left > (remaining[i] as number)) return;
      remaining[i] = (remaining[i] as number) - left;
      fill(j + 1, 0, columnTotals[j + 1] as number, sumLogCells + lf(left));
      remaining[i] = (remaining[i] as number) + left;
      return;
    }
    const roomBelow = remaining.slice(i + 1).reduce((s, r) => s + r, 0);
    for (let n = Math.max(0, left - roomBelow); n <= Math.min(left, remaining[i] as number); n += 1) {
      remaining[i] = (remaining[i] as number) - n;
      fill(j, i + 1, left - n, sumLogCells + lf(n));
      remaining[i] = (remaining[i] as number) + n;
    }
  };
  fill(0, 0, columnTotals[0] as number, 0);
  return Math.min(1, pValue);
}
