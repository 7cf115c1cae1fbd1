import { argumentError } from "../../errors";
import type { NumericArray } from "../../tally/designTally";
import type { DesignEstimate } from "./designEstimate";
import { replicateDf, replicateVariance, type ReplicateVarianceSettings } from "./replicateVariance";
import { withoutReplacementFactor } from "./withoutReplacementFactor";
import { quasibinomialRefit } from "../quasibinomialFit";

/** A replicate-weight design: full-sample weights and R replicate columns of full analysis weights. */
export interface ReplicateDesign extends ReplicateVarianceSettings {
  /** The full-sample weights. */
  weights: NumericArray;
  /** The replicate weight columns, each a full analysis weight per row. */
  replicates: readonly NumericArray[];
}

/** An estimate with its replicate variance, and the replicates' own estimates. */
export interface ReplicateEstimate extends DesignEstimate {
  /** The estimate recomputed with each replicate's weights, θ_1 … θ_R (NaN where a replicate leaves the domain empty). */
  thetas: Float64Array;
}

/**
 * Means (Σw·y/Σw) or totals (Σw·y) of variables over a domain of a replicate design, each with its
 * replicate variance (R survey 4.1-1 `svymean` / `svytotal` on an `svrepdesign`, `deff = TRUE`;
 * a domain as `svyby` forms it, `design[domain, ]`): every replicate column recomputes the
 * estimate, `replicateVariance` combines them, and df is the rank of the domain rows' replicate
 * weights minus one (`degf` of the subset). deff divides V by s²_w/n·(N̂ − n)/N̂ with
 * s²_w = n/(n − 1)·Σw(y − ȳ)²/Σw over the domain (`svyvar`; totals times N̂²), as R — but NaN where
 * N̂ < n, where R's is negative (see `withoutReplacementFactor`).
 *
 * @param design - The full-sample weights, the replicate weights, and the variance settings.
 * @param ys - The variables.
 * @param domain - The rows of the domain, 0/1.
 * @param kind - "mean" or "total".
 * @returns One estimate per variable, with its replicate variance and the replicates' estimates.
 *
 * @example
 * ```ts
 * import { replicateEstimates, replicateScales } from "svyprop";
 *
 * // Delete-one jackknife of 4 rows. R: svymean(~y, svrepdesign(…, type = "JK1", combined.weights = TRUE)) gives 0.75, SE 0.25.
 * const replicates = [[0, 4 / 3, 4 / 3, 4 / 3], [4 / 3, 0, 4 / 3, 4 / 3], [4 / 3, 4 / 3, 0, 4 / 3], [4 / 3, 4 / 3, 4 / 3, 0]];
 * const scales = replicateScales({ type: "JK1", count: 4 });
 * const [mean] = replicateEstimates({ weights: [1, 1, 1, 1], replicates, ...scales, mse: false }, [[1, 0, 1, 1]], Uint8Array.of(1, 1, 1, 1), "mean");
 * mean; // → { estimate: 0.75, se: 0.25, df: 3 }
 * ```
 */
export function replicateEstimates(design: ReplicateDesign, ys: readonly NumericArray[], domain: Uint8Array, kind: "mean" | "total"): ReplicateEstimate[] {
  const { weights, replicates } = design;
  for (const y of ys) if (y.length !== domain.length) throw argumentError("y", `must have ${domain.length} values`, y.length);
  let n = 0;
  let sumWeights = 0;
  let sumSquares = 0;
  for (let row = 0; row < domain.length; row++) {
    if (!domain[row]) continue;
    n += 1;
    sumWeights += weights[row]!;
    sumSquares += weights[row]! ** 2;
  }
  if (n === 0 || !(sumWeights > 0)) throw argumentError("domain", "has no rows with positive weight");
  const df = replicateDf(replicates, domain);
  const rows = domainRows(domain);
  // Each replicate's Σw and Σw·y of every variable over the domain, one pass per replicate.
  const replicateSums = replicates.map((w) => {
    const sums = new Float64Array(ys.length + 1);
    for (const row of rows) {
      const weight = w[row]!;
      sums[0]! += weight;
      for (let v = 0; v < ys.length; v++) sums[v + 1]! += weight * ys[v]![row]!;
    }
    return sums;
  });
  return ys.map((y, v) => {
    let weightedSum = 0;
    for (const row of rows) weightedSum += weights[row]! * y[row]!;
    const estimate = kind === "mean" ? weightedSum / sumWeights : weightedSum;
    const thetas = Float64Array.from(replicateSums, (sums) => (kind === "mean" ? sums[v + 1]! / sums[0]! : sums[v + 1]!));
    const variance = replicateVariance(thetas, estimate, design);
    const mean = weightedSum / sumWeights;
    let squares = 0;
    for (const row of rows) squares += weights[row]! * (y[row]! - mean) ** 2;
    const s2 = (squares / sumWeights) * (n / (n - 1));
    const srs = (s2 * (kind === "total" ? sumWeights * sumWeights : 1)) / n;
    return {
      estimate,
      se: Math.sqrt(variance),
      variance,
      deff: variance / srs / withoutReplacementFactor(sumWeights, n),
      deffReplace: variance / srs,
      df,
      n,
      sumWeights,
      effectiveN: (sumWeights * sumWeights) / sumSquares,
      thetas,
    };
  });
}

/**
 * The replicate standard error of logit p̂ — what R's `svyciprop(method = "logit")` uses on a
 * replicate design: its `svyglm` refits the intercept-only logistic model on every replicate by
 * `glm.fit` from the full-sample coefficient (here logit p̂), and combines the replicates' coefficients by
 * `svrVar`. A replicate's coefficient is where that refit stops (`quasibinomialRefit`): logit θ_r
 * to about 1e-11 when 0 < θ_r < 1, and a finite number near ∓23 when θ_r is 0 or 1 (a rare
 * category no row of the replicate has), whose maximum is at ∓∞ — R's SE then is large but finite,
 * and so is svyprop's. A replicate that leaves the domain empty (θ_r NaN) is dropped, as R's.
 *
 * @param estimate - A replicate estimate of a proportion, with its replicates' estimates.
 * @param settings - The replicate variance's multipliers and centre.
 * @returns The SE of logit p̂ (NaN when p̂ is 0 or 1: R's svyglm refuses an infinite coefficient).
 *
 * @example
 * ```ts
 * import { replicateEstimates, replicateLogitSE, replicateScales } from "svyprop";
 *
 * // Delete-one jackknife of 5 rows: each replicate drops one row and weights the others 5/4.
 * const replicates = [0, 1, 2, 3, 4].map((dropped) => [0, 1, 2, 3, 4].map((row) => (row === dropped ? 0 : 5 / 4)));
 * const settings = { ...replicateScales({ type: "JK1", count: 5 }), mse: false };
 * const [mean] = replicateEstimates({ weights: [1, 1, 1, 1, 1], replicates, ...settings }, [[1, 0, 1, 0, 1]], Uint8Array.of(1, 1, 1, 1, 1), "mean");
 * // The replicates' logits are log(1) (a "yes" dropped) and log(3) (a "no" dropped).
 * replicateLogitSE(mean!, settings); // → 1.0764
 * // With one "yes" in 5, the replicate that drops it has no "yes": R's refit stops near −23.
 * const [rare] = replicateEstimates({ weights: [1, 1, 1, 1, 1], replicates, ...settings }, [[1, 0, 0, 0, 0]], Uint8Array.of(1, 1, 1, 1, 1), "mean");
 * replicateLogitSE(rare!, settings); // → 17.3182
 * ```
 */
export function replicateLogitSE(estimate: ReplicateEstimate, settings: ReplicateVarianceSettings): number {
  // svyglm's full-sample fit stops within about 1e-8 of logit p̂: the refits start there (the SE moves by less than 1e-8)
  const coefficient = Math.log(estimate.estimate / (1 - estimate.estimate));
  if (!Number.isFinite(coefficient)) return Number.NaN;
  return Math.sqrt(replicateVariance(estimate.thetas.map((theta) => quasibinomialRefit(theta, coefficient)), coefficient, settings));
}

/** The indices of the domain's rows. */
function domainRows(domain: Uint8Array): Uint32Array {
  let count = 0;
  for (let row = 0; row < domain.length; row++) if (domain[row]) count += 1;
  const rows = new Uint32Array(count);
  for (let row = 0, k = 0; row < domain.length; row++) if (domain[row]) rows[k++] = row;
  return rows;
}
