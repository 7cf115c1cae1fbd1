import type { Id } from "../../tally/designTally";
import { raoScottFromCovariance, type RaoScottOptions, type RaoScottResult } from "./raoScottTest";
import type { ReplicateDesign } from "./replicateEstimate";
import { replicateCovariance, replicateDf } from "./replicateVariance";
import { tableDesign } from "./tableDesign";

/** The input of {@link replicateRaoScottTest}: a replicate-weight design and the table's two variables. */
export interface ReplicateTableInput extends RaoScottOptions {
  /** The full-sample and replicate weights with their variance settings. */
  design: ReplicateDesign;
  /** The row variable, one id per row; `null`/`undefined` rows are left out. */
  rows: readonly (Id | null | undefined)[];
  /** The column variable, one id per row; `null`/`undefined` rows are left out. */
  cols: readonly (Id | null | undefined)[];
  /** Row level order; default sorted as R sorts factor levels. */
  rowLevels?: readonly Id[];
  /** Column level order; default sorted as R sorts factor levels. */
  colLevels?: readonly Id[];
}

/**
 * The Rao–Scott test (see `raoScottTest`) on a replicate-weight design, as R survey 4.1-1
 * `svychisq.svyrep.design`: the table and X² on the full-sample weights; V the replicate
 * covariance of the cell proportions over the complete rows, each replicate's weights giving its
 * proportions θ_r and V = scale·Σ_r rscales_r (θ_r − θ̄)(θ_r − θ̄)ᵀ (R `svrVar`); the df are the
 * design's `degf`, the rank of the replicate weights − 1.
 *
 * @param input - The replicate design, the row and column variables and the `statistic` ("F" or "Chisq").
 * @returns The statistic, df, p-value, Pearson's X², the traces of Δ and the weighted table.
 * @throws {@link SurveyError} as `tableDesign`.
 *
 * @example
 * ```ts
 * import { replicateRaoScottTest, replicateScales } from "svyprop";
 *
 * // Delete-one jackknife of 8 rows: each replicate drops one row and weights the others by 8/7.
 * const weights = [2, 2, 1, 1, 3, 3, 1, 1];
 * const replicates = weights.map((_, dropped) => weights.map((w, row) => (row === dropped ? 0 : (w * 8) / 7)));
 * const design = { weights, replicates, ...replicateScales({ type: "JK1", count: 8 }), mse: false };
 * // R: svychisq(~h + y, as.svrepdesign(svydesign(ids = ~1, weights = ~w, data = d), type = "JK1"))
 * // gives F = 2.6322, ndf = 1, ddf = 7, p-value = 0.1487.
 * replicateRaoScottTest({ design, rows: ["u", "v", "v", "u", "u", "v", "v", "u"], cols: [1, 1, 1, 0, 0, 1, 0, 0] });
 * // → { statistic: 2.6322, ndf: 1, ddf: 7, pValue: 0.1487 }
 * ```
 */
export function replicateRaoScottTest(input: ReplicateTableInput): RaoScottResult {
  const { design, rows, cols, rowLevels, colLevels, statistic } = input;
  const table = tableDesign({
    weights: design.weights,
    rows,
    cols,
    ...(rowLevels === undefined ? {} : { rowLevels }),
    ...(colLevels === undefined ? {} : { colLevels }),
  });
  const [complete, ...cells] = table.columns as [Float64Array, ...Float64Array[]];
  const total = table.design.totals[0]!;
  const estimates = cells.map((_, c) => table.design.totals[1 + c]! / total);
  // θ_rc = Σ w_r·1[c] / Σ w_r over the complete rows, per cell c (rows of the result) and replicate r.
  const thetas = cells.map(() => new Float64Array(design.replicates.length));
  design.replicates.forEach((w, r) => {
    let sum = 0;
    for (let i = 0; i < complete.length; i++) sum += complete[i]! * w[i]!;
    cells.forEach((cell, c) => {
      let inCell = 0;
      for (let i = 0; i < cell.length; i++) inCell += cell[i]! * w[i]!;
      thetas[c]![r] = inCell / sum;
    });
  });
  return raoScottFromCovariance({ ...table, totals: table.design.totals }, replicateCovariance(thetas, estimates, design), replicateDf(design.replicates), statistic);
}
