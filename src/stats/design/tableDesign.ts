import { argumentError } from "../../errors";
import { sortedLevels } from "./domainEstimates";
import type { FinalDesignTally, Id, NumericArray } from "../../tally/designTally";
import { prepareDesign, type DesignInput } from "./prepareDesign";

export interface TableDesignInput extends DesignInput {
  /** Row variable and column variable, one id per row; `null`/`undefined` rows are left out. */
  rows: readonly (Id | null | undefined)[];
  cols: readonly (Id | null | undefined)[];
  /** Level orders; default sorted as R sorts factor levels. */
  rowLevels?: readonly Id[];
  colLevels?: readonly Id[];
}

/** A two-way table on a design: column 0 = complete rows, column 1 + i + nr·j = cell (i, j). */
export interface TableDesign {
  design: FinalDesignTally;
  rowLevels: string[];
  colLevels: string[];
  nr: number;
  nc: number;
  /** Rows with both variables present. */
  n: number;
  /** The tallied 0/1 columns, one value per row: [complete, cell (0, 0), cell (1, 0), …]. */
  columns: Float64Array[];
}

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
