import type { Id } from "../../tally/designTally";
import { raoScottFromCovariance, type RaoScottOptions, type RaoScottResult } from "./raoScottTest";
import type { ReplicateDesign } from "./replicateEstimate";
import { replicateCovariance, replicateDf } from "./replicateVariance";
import { tableDesign } from "./tableDesign";

export interface ReplicateTableInput extends RaoScottOptions {
  design: ReplicateDesign;
  /** Row variable and column variable, one id per row; `null`/`undefined` rows are left out. */
  rows: readonly (Id | null | undefined)[];
  cols: readonly (Id | null | undefined)[];
  rowLevels?: readonly Id[];
  colLevels?: readonly Id[];
}

/**
 * The Rao–Scott test (see `raoScottTest`) on a replicate-weight design, as R survey 4.1-1
 * `svychisq.svyrep.design`: the table and X² on the full-sample weights; V the replicate
 * covariance of the cell proportions over the complete rows, each replicate's weights giving its
 * proportions θ_r and V = scale·Σ_r rscales_r (θ_r − θ̄)(θ_r − θ̄)ᵀ (R `svrVar`); the df are the
 * design's `degf`, the rank of the replicate weights − 1.
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
  return raoScottFromCovariance(table, replicateCovariance(thetas, estimates, design), replicateDf(design.replicates), statistic);
}
