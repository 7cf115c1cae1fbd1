import { argumentError } from "../../errors";
import { sortedLevels } from "./domainEstimates";
import type { FinalDesignTally, Id, NumericArray } from "../../tally/designTally";
import { prepareDesign, type DesignInput } from "./prepareDesign";

/** A design and the two variables of a two-way table. */
export interface TableDesignInput extends DesignInput {
  /** Row variable, one id per row; `null`/`undefined` rows are left out. */
  rows: readonly (Id | null | undefined)[];
  /** Column variable, one id per row; `null`/`undefined` rows are left out. */
  cols: readonly (Id | null | undefined)[];
  /** Row level order; default sorted as R sorts factor levels. */
  rowLevels?: readonly Id[];
  /** Column level order; default sorted as R sorts factor levels. */
  colLevels?: readonly Id[];
}

/** A two-way table on a design: column 0 = complete rows, column 1 + i + nr·j = cell (i, j). */
export interface TableDesign {
  /** The design's tally of the 1 + nr·nc indicator columns. */
  design: FinalDesignTally;
  /** The row levels, in table order. */
  rowLevels: string[];
  /** The column levels, in table order. */
  colLevels: string[];
  /** Number of row levels. */
  nr: number;
  /** Number of column levels. */
  nc: number;
  /** Rows with both variables present. */
  n: number;
  /** The tallied 0/1 columns, one value per row: [complete, cell (0, 0), cell (1, 0), …]. */
  columns: Float64Array[];
}

/**
 * The tally of a two-way table on a design, which the tests of independence (`raoScottTest`,
 * `designWaldTest`) read: an indicator column of complete rows, and one per cell, whose weighted
 * totals are R's `svytable(~rows + cols, design)`.
 *
 * @param input - The design (weights, strata, cluster, fpc) and the row and column variables.
 * @returns The finalised design tally of the table's indicator columns, with the levels.
 * @throws {@link SurveyError} `E_ARGUMENT` when the variables differ in length or have fewer than two levels each.
 *
 * @example
 * ```ts
 * import { tableDesign } from "svyprop";
 *
 * const table = tableDesign({ rows: ["a", "a", "b", "b", "b"], cols: ["x", "y", "x", "y", "y"], weights: [1, 2, 1, 1, 3] });
 * table.n; // → 5
 * // Weighted totals: all rows, then the cells (a,x), (b,x), (a,y), (b,y).
 * table.design.totals; // → [8, 1, 1, 2, 4]
 * ```
 */
export function tableDesign(input: TableDesignInput): TableDesign {
  const n = input.rows.length;
  if (input.cols.length !== n) throw argumentError("cols", `must have ${n} values`, input.cols.length);
  const rowLevels = (input.rowLevels ?? sortedLevels(input.rows)).map(String);
  const colLevels = (input.colLevels ?? sortedLevels(input.cols)).map(String);
  const nr = rowLevels.length;
  const nc = colLevels.length;
  if (nr < 2 || nc < 2) throw argumentError("table", "needs at least two row and two column levels", `${nr}×${nc}`);
  const ri = new Map(rowLevels.map((l, i) => [l, i]));
  const ci = new Map(colLevels.map((l, i) => [l, i]));
  const columns: Float64Array[] = [];
  for (let c = 0; c <= nr * nc; c++) columns.push(new Float64Array(n));
  let complete = 0;
  for (let k = 0; k < n; k++) {
    const r = input.rows[k];
    const c = input.cols[k];
    if (r === null || r === undefined || c === null || c === undefined) continue;
    const i = ri.get(String(r));
    const j = ci.get(String(c));
    if (i === undefined || j === undefined) continue;
    columns[0]![k] = 1;
    columns[1 + i + nr * j]![k] = 1;
    complete += 1;
  }
  return { design: prepareDesign(input, columns as NumericArray[]), rowLevels, colLevels, nr, nc, n: complete, columns };
}
