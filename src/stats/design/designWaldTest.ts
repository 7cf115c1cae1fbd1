import fCdf from "@stdlib/stats-base-dists-f-cdf";
import { argumentError } from "../../errors";
import { linearizedCovariance } from "./linearizedVariance";
import { solve } from "./linearAlgebra";
import { tableDesign, type TableDesignInput } from "./tableDesign";

/** The design-based Wald test of independence: F, its df and p-value, and the table it tested. */
export interface DesignWaldResult {
  /** The F statistic. */
  statistic: number;
  /** The p-value. */
  pValue: number;
  /** Numerator df, m = (r − 1)(c − 1). */
  ndf: number;
  /** Denominator df: ν ("Wald") or ν − m + 1 ("adjWald"). */
  ddf: number;
  /** The Wald quadratic form θᵀV⁻¹θ before scaling. */
  wald: number;
  /** Weighted cell totals N̂_ij, [row][col]. */
  weightedTable: number[][];
  /** The row variable's levels, in table order. */
  rowLevels: string[];
  /** The column variable's levels, in table order. */
  colLevels: string[];
  /** Design df ν = #PSUs − #strata. */
  designDf: number;
}

/**
 * Design-based Wald test of independence (Koch, Freeman & Freeman 1975, Int. Statist. Rev.
 * 43:59–78; R survey `svychisq(statistic = "Wald" | "adjWald")`): with weighted cell totals
 * N̂_ij, θ_ij = N̂_ij − N̂_i·N̂_·j/N̂ for i < r, j < c, V its linearised covariance and
 * W = θᵀV⁻¹θ, m = (r − 1)(c − 1), ν = #PSUs − #strata:
 * - "Wald": F = W/m on (m, ν) df;
 * - "adjWald": F = W·(ν − m + 1)/(ν·m) on (m, ν − m + 1) df (Fellegi 1980).
 *
 * @param input - The design, the row and column variables, and the `statistic` ("Wald" or "adjWald").
 * @returns F, its df and p-value, the Wald form W and the weighted table.
 * @throws {@link SurveyError} as `tableDesign`, or `E_ARGUMENT` for an unknown statistic.
 *
 * @example
 * ```ts
 * import { designWaldTest } from "svyprop";
 *
 * // R: svychisq(~g + y, design, statistic = "Wald") gives F = 0.5, ndf = 1, ddf = 2, p-value = 0.5528.
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * designWaldTest({ ...design, rows: ["m", "f", "m", "f", "m", "f", "m", "f"], cols: [1, 0, 1, 1, 0, 1, 0, 1] });
 * // → { statistic: 0.5, ndf: 1, ddf: 2, pValue: 0.5528 }
 * ```
 */
export function designWaldTest(input: TableDesignInput & { statistic?: "Wald" | "adjWald" }): DesignWaldResult {
  const statistic = input.statistic ?? "Wald";
  if (statistic !== "Wald" && statistic !== "adjWald") throw argumentError("statistic", 'must be "Wald" or "adjWald"', statistic);
  const { design, rowLevels, colLevels, nr, nc } = tableDesign(input);
  const k = design.columns;
  const cell = (i: number, j: number): number => design.totals[1 + i + nr * j]!;
  const rowT = rowLevels.map((_, i) => colLevels.reduce((s, __, j) => s + cell(i, j), 0));
  const colT = colLevels.map((_, j) => rowLevels.reduce((s, __, i) => s + cell(i, j), 0));
  const N = design.totals[0]!;
  const m = (nr - 1) * (nc - 1);
  const theta = new Float64Array(m);
  const coefficients: Float64Array[] = [];
  for (let j = 0; j < nc - 1; j++) for (let i = 0; i < nr - 1; i++) {
    theta[coefficients.length] = cell(i, j) - (rowT[i]! * colT[j]!) / N;
    // Gradient with respect to every cell total N̂_kl (N̂ = Σ cells).
    const g = new Float64Array(k);
    for (let l = 0; l < nc; l++) for (let r = 0; r < nr; r++) {
      let d = (rowT[i]! * colT[j]!) / (N * N);
      if (r === i) d -= colT[j]! / N;
      if (l === j) d -= rowT[i]! / N;
      if (r === i && l === j) d += 1;
      g[1 + r + nr * l] = d;
    }
    coefficients.push(g);
  }
  const V = linearizedCovariance(design, coefficients, input);
  const x = solve(V, theta, m, 1);
  let wald = 0;
  for (let a = 0; a < m; a++) wald += theta[a]! * x[a]!;
  const nu = design.df;
  const [stat, ndf, ddf] = statistic === "Wald" ? [wald / m, m, nu] : [(wald * (nu - m + 1)) / (nu * m), m, nu - m + 1];
  const weightedTable = rowLevels.map((_, i) => colLevels.map((__, j) => cell(i, j)));
  return { statistic: stat, pValue: 1 - fCdf(stat, ndf, ddf), ndf, ddf, wald, weightedTable, rowLevels, colLevels, designDf: nu };
}
