import { argumentError } from "../errors";
import { ALTERNATIVES, EXACT_TIE_TOLERANCE, type Alternative } from "./alternative";
import { tableMargins, type Margins } from "./contingencyTable";
import { assertOneOf } from "./validate";

export interface FisherExactTestOptions {
  /** Default "two-sided"; "less" and "greater" (on the odds ratio) need a 2 × 2 table. */
  alternative?: Alternative;
}

export interface FisherExactTestResult {
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

/** P-value of the top-left cell `a` under the hypergeometric law of a 2 × 2 table's margins. */
function hypergeometricPValue(a: number, { rowTotals, columnTotals, total }: Margins, alternative: Alternative): number {
  const [row1, col1] = [rowTotals[0] as number, columnTotals[0] as number];
  const low = Math.max(0, row1 + col1 - total);
  const high = Math.min(row1, col1);
  // unnormalised probabilities, 1 at the mode, by the ratio P(k+1)/P(k) (no factorials to overflow)
  const mode = Math.floor(((row1 + 1) * (col1 + 1)) / (total + 2));
  const weights = new Map<number, number>([[mode, 1]]);
  for (let k = mode; k < high; k += 1) {
    const ratio = ((row1 - k) * (col1 - k)) / ((k + 1) * (total - row1 - col1 + k + 1));
    weights.set(k + 1, (weights.get(k) as number) * ratio);
  }
  for (let k = mode; k > low; k -= 1) {
    const ratio = (k * (total - row1 - col1 + k)) / ((row1 - k + 1) * (col1 - k + 1));
    weights.set(k - 1, (weights.get(k) as number) * ratio);
  }
  const observed = weights.get(a) as number;
  const counted = (k: number, w: number): boolean =>
    alternative === "less" ? k <= a : alternative === "greater" ? k >= a : w <= observed * EXACT_TIE_TOLERANCE;
  let sum = 0;
  let inTail = 0;
  for (const [k, w] of weights) {
    sum += w;
    if (counted(k, w)) inTail += w;
  }
  return Math.min(1, inTail / sum);
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
