import { tableMargins } from "./contingencyTable";
import { chiSquareUpperTail } from "./tails";

/** Options of `chiSquareTest`. */
export interface ChiSquareTestOptions {
  /** Yates continuity correction, applied to 2 × 2 tables only (as R and scipy do); default true. */
  correction?: boolean;
}

/** Pearson's chi-square test of independence on a table of counts. */
export interface ChiSquareTestResult {
  /** X² (Yates-corrected for a 2 × 2 table unless `correction` is false). */
  statistic: number;
  /** Degrees of freedom (r − 1)(c − 1). */
  df: number;
  /** The p-value, P(χ²_df ≥ X²). */
  pValue: number;
  /** Expected counts R_i·C_j/N. */
  expected: number[][];
  /** Cramér's V = √(X²/(N(min(r, c) − 1))), from the uncorrected X². */
  cramersV: number;
}

/**
 * Pearson's chi-square test of independence for an r × c table:
 * X² = Σ (|O − E| − y)²/E on (r − 1)(c − 1) degrees of freedom, where y = min(½, |O − E|)
 * for a 2 × 2 table with `correction` (Yates 1934) and 0 otherwise; as R `chisq.test` and
 * scipy `chi2_contingency`. Cramér's V: Cramér (1946), Mathematical Methods of Statistics, §21.9.
 * Reference: Agresti (2013), Categorical Data Analysis, 3rd ed., §3.2.
 *
 * @param table - The r × c table of counts (rows of equal length, r, c ≥ 2).
 * @param options - `correction`: Yates' correction of a 2 × 2 table (default true).
 * @returns X², its degrees of freedom and p-value, the expected counts and Cramér's V.
 * @throws {@link SurveyError} `E_ARGUMENT` for a ragged table, a negative or non-integer count, or
 *   an empty row or column.
 *
 * @example
 * ```ts
 * import { chiSquareTest } from "svyprop";
 *
 * // R: chisq.test(matrix(c(45, 30, 15, 30), 2))
 * chiSquareTest([[45, 15], [30, 30]]); // → { statistic: 6.968889, df: 1, pValue: 0.008293898 }
 * ```
 */
export function chiSquareTest(table: readonly (readonly number[])[], options: ChiSquareTestOptions = {}): ChiSquareTestResult {
  const { correction = true } = options;
  const { rowTotals, columnTotals, total } = tableMargins(table);
  const expected = rowTotals.map((r) => columnTotals.map((c) => (r * c) / total));
  const df = (rowTotals.length - 1) * (columnTotals.length - 1);
  const pearson = (yates: (deviation: number) => number): number =>
    table.reduce(
      (sum, row, i) =>
        sum +
        row.reduce((rowSum, observed, j) => {
          const e = (expected[i] as number[])[j] as number;
          const deviation = Math.abs(observed - e);
          return rowSum + (deviation - yates(deviation)) ** 2 / e;
        }, 0),
      0,
    );
  const uncorrected = pearson(() => 0);
  const statistic = correction && df === 1 ? pearson((deviation) => Math.min(0.5, deviation)) : uncorrected;
  const cramersV = Math.sqrt(uncorrected / (total * (Math.min(rowTotals.length, columnTotals.length) - 1)));
  return { statistic, df, pValue: chiSquareUpperTail(statistic, df), expected, cramersV };
}
