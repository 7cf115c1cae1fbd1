import fCdf from "@stdlib/stats-base-dists-f-cdf";
import { argumentError } from "../../errors";
import { chiSquareUpperTail } from "../tails";
import type { FinalDesignTally } from "../../tally/designTally";
import { linearizedCovariance, type VarianceOptions } from "./linearizedVariance";
import { matMul, projectionResiduals, solve, trace, transpose } from "./linearAlgebra";
import { tableDesign, type TableDesignInput } from "./tableDesign";

/** Options of `raoScottTest`. */
export interface RaoScottOptions {
  /** "F" (default, as R svychisq) or "Chisq". */
  statistic?: "F" | "Chisq";
}

/** The Rao–Scott test of independence: its statistic, df, p-value and what it was computed from. */
export interface RaoScottResult {
  /** F ("F") or the corrected X² ("Chisq"). */
  statistic: number;
  /** The p-value. */
  pValue: number;
  /** "F": numerator df. */
  ndf?: number;
  /** "F": denominator df. */
  ddf?: number;
  /** "Chisq": df = (r − 1)(c − 1). */
  df?: number;
  /** Pearson's X² on the weighted table rescaled to the number of rows (R `svytable(…, Ntotal = n)`). */
  pearsonX2: number;
  /** tr(Δ), Δ the generalised design-effect matrix (Rao & Scott 1984, Ann. Statist. 12:46–60). */
  traceDelta: number;
  /** tr(Δ²): with tr(Δ), the second-order correction. */
  traceDelta2: number;
  /** Weighted cell totals (not rescaled), [row][col]. */
  weightedTable: number[][];
  /** The row variable's levels, in table order. */
  rowLevels: string[];
  /** The column variable's levels, in table order. */
  colLevels: string[];
  /** Design df (#PSUs − #strata; a replicate design's rank − 1). */
  designDf: number;
}

/**
 * Rao–Scott corrected chi-square test of independence on a design (Rao & Scott 1984, Ann.
 * Statist. 12:46–60; R survey `svychisq`, Lumley 2010 §6.1.2).
 *
 * X² = n·Σ_ij (p̂_ij − p̂_i· p̂_·j)²/(p̂_i· p̂_·j) with p̂ the weighted cell proportions and n the
 * rows. With C the interaction contrasts of the cells made orthogonal to the main effects, D =
 * diag(p̂) and V the linearised covariance of p̂: Δ = (Cᵀ D⁻¹ C / n)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C).
 * - "F": F = X²/tr(Δ) on d0 = tr(Δ)²/tr(Δ²) and d0·(#PSUs − #strata) df (second-order correction);
 * - "Chisq": statistic X² as R reports it; p from X²/mean(diag Δ) on (r − 1)(c − 1) df (first order).
 *
 * @param input - The design, the row and column variables, and the `statistic` ("F" or "Chisq").
 * @returns The statistic, df, p-value, Pearson's X², the traces of Δ and the weighted table.
 * @throws {@link SurveyError} as `tableDesign` and `designMean`.
 *
 * @example
 * ```ts
 * import { raoScottTest } from "svyprop";
 *
 * // R: svychisq(~g + y, design) gives F = 0.47364, ndf = 1, ddf = 2, p-value = 0.5624.
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * raoScottTest({ ...design, rows: ["m", "f", "m", "f", "m", "f", "m", "f"], cols: [1, 0, 1, 1, 0, 1, 0, 1] });
 * // → { statistic: 0.47364, ndf: 1, ddf: 2, pValue: 0.5624 }
 * ```
 */
export function raoScottTest(input: TableDesignInput & RaoScottOptions): RaoScottResult {
  const table = tableDesign(input);
  const cells = Array.from({ length: table.nr * table.nc }, (_, c) => 1 + c);
  return linearizedRaoScott(table.design, { ...table, complete: [0], cells }, input);
}

/** Where a two-way table sits among a design tally's columns, with its levels and n. */
export interface TableColumns {
  /** The 0/1 columns whose sum marks the complete rows: one column, or one per column level (a group-keyed tally). */
  complete: readonly number[];
  /** The column of each cell's 0/1 indicator, cell (i, j) at i + nr·j. */
  cells: readonly number[];
  /** The row levels, in table order. */
  rowLevels: string[];
  /** The column levels, in table order. */
  colLevels: string[];
  /** Rows with both variables present. */
  n: number;
}

/**
 * The Rao–Scott test (see `raoScottTest`) of a table whose indicators a design tally holds:
 * p̂_c = Y_c / Y with Y = Σ of the `complete` columns' totals, V their linearised covariance
 * (gradient 1/Y on cell c's column, −p̂_c/Y on each complete column; Wolter 2007 §6.11), the
 * design's df. The rows' tally (`tableDesign`) and a streamed group-keyed tally both end here.
 *
 * @param design - The finalised design tally.
 * @param table - Which columns hold the complete rows and the cells, the levels and n.
 * @param options - The statistic and the variance options (single-PSU strata, names).
 * @returns The statistic, df, p-value, Pearson's X², the traces of Δ and the weighted table.
 */
export function linearizedRaoScott(design: FinalDesignTally, table: TableColumns, options: RaoScottOptions & VarianceOptions = {}): RaoScottResult {
  let total = 0;
  for (const column of table.complete) total += design.totals[column]!;
  const totals = Float64Array.from([total, ...table.cells.map((column) => design.totals[column]!)]);
  // Linearised covariance of the cell proportions p_c = Y_c / Y.
  const coefficients = table.cells.map((column, c) => {
    const v = new Float64Array(design.columns);
    v[column] = 1 / total;
    for (const complete of table.complete) v[complete] = -totals[1 + c]! / total / total;
    return v;
  });
  return raoScottFromCovariance({ ...table, totals }, linearizedCovariance(design, coefficients, options), design.df, options.statistic);
}

/** A two-way table's weighted totals [complete rows, cell (0, 0), cell (1, 0), …] (cell (i, j) at 1 + i + nr·j), its levels and n. */
export interface WeightedTable {
  /** Weighted totals: the complete rows', then each cell's. */
  totals: ArrayLike<number>;
  /** The row levels, in table order. */
  rowLevels: string[];
  /** The column levels, in table order. */
  colLevels: string[];
  /** Rows with both variables present (the n of X²). */
  n: number;
}

/**
 * The Rao–Scott statistics of a table (see `raoScottTest`) from V, the K × K covariance of its
 * cell proportions however the design gives it (linearised, calibration residuals, replicates),
 * and the design's df.
 */
export function raoScottFromCovariance(table: WeightedTable, V: Float64Array, designDf: number, statistic: RaoScottOptions["statistic"] = "F"): RaoScottResult {
  if (statistic !== "F" && statistic !== "Chisq") throw argumentError("statistic", 'must be "F" or "Chisq"', statistic);
  const { totals, rowLevels, colLevels, n } = table;
  const nr = rowLevels.length;
  const nc = colLevels.length;
  const K = nr * nc;
  const total = totals[0]!;
  if (!(total > 0)) throw argumentError("table", "has no rows with positive weight");
  const p = new Float64Array(K);
  for (let c = 0; c < K; c++) p[c] = totals[1 + c]! / total;

  const rowP = new Float64Array(nr);
  const colP = new Float64Array(nc);
  for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) {
    rowP[i]! += p[i + nr * j]!;
    colP[j]! += p[i + nr * j]!;
  }
  let pearsonX2 = 0;
  for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) {
    const e = rowP[i]! * colP[j]!;
    if (e > 0) pearsonX2 += (p[i + nr * j]! - e) ** 2 / e;
  }
  pearsonX2 *= n;

  // Main-effects design X1 (intercept, row and column treatment dummies) and interactions X12.
  const p1 = nr + nc - 1;
  const m = (nr - 1) * (nc - 1);
  const X1 = new Float64Array(K * p1);
  const X12 = new Float64Array(K * m);
  for (let j = 0; j < nc; j++) for (let i = 0; i < nr; i++) {
    const cell = i + nr * j;
    X1[cell * p1] = 1;
    if (i > 0) X1[cell * p1 + i] = 1;
    if (j > 0) X1[cell * p1 + nr - 1 + j] = 1;
    if (i > 0 && j > 0) X12[cell * m + (i - 1) + (nr - 1) * (j - 1)] = 1;
  }
  const C = projectionResiduals(X1, K, p1, X12, m);
  const iDC = new Float64Array(K * m);
  for (let c = 0; c < K; c++) {
    const inv = p[c]! === 0 ? 0 : 1 / p[c]!;
    for (let j = 0; j < m; j++) iDC[c * m + j] = inv * C[c * m + j]!;
  }
  const Ct = transpose(C, K, m);
  const denom = matMul(Ct, iDC, m, K, m).map((v) => v / n);
  const iDCt = transpose(iDC, K, m);
  const numr = matMul(iDCt, matMul(V, iDC, K, K, m), m, K, m);
  const delta = solve(denom, numr, m, m);
  const traceDelta = trace(delta, m);
  const traceDelta2 = trace(matMul(delta, delta, m, m, m), m);

  const weightedTable = rowLevels.map((_, i) => colLevels.map((__, j) => totals[1 + i + nr * j]!));
  const common = { pearsonX2, traceDelta, traceDelta2, weightedTable, rowLevels, colLevels, designDf };
  if (statistic === "F") {
    const stat = pearsonX2 / traceDelta;
    const ndf = (traceDelta * traceDelta) / traceDelta2;
    const ddf = ndf * designDf;
    return { statistic: stat, pValue: 1 - fCdf(stat, ndf, ddf), ndf, ddf, ...common };
  }
  const df = m;
  return { statistic: pearsonX2, pValue: chiSquareUpperTail(pearsonX2 / (traceDelta / m), df), df, ...common };
}
