import type { NumericArray } from "../../tally/designTally";

/** The multipliers and centre of a replicate variance (see `replicateScales`). */
export interface ReplicateVarianceSettings {
  scale: number;
  rscales: NumericArray;
  /** Deviations around the full-sample estimate (true) or around the replicates' mean (false, R's default). */
  mse: boolean;
}

/**
 * The replicate variance of an estimate θ̂ from its replicate estimates θ_r — R survey's `svrVar`:
 * V = scale · Σ_r rscales_r (θ_r − c)², with c = θ̂ when `mse`, else the mean of the θ_r whose
 * rscales is positive. A replicate whose estimate is not a number (a domain its weights leave
 * empty) is dropped with its rscales, as R's `na.action = na.omit`.
 */
export function replicateVariance(thetas: NumericArray, estimate: number, settings: ReplicateVarianceSettings): number {
  const kept: number[] = [];
  for (let r = 0; r < thetas.length; r++) if (!Number.isNaN(thetas[r]!)) kept.push(r);
  let centre = estimate;
  if (!settings.mse) {
    let sum = 0;
    let count = 0;
    for (const r of kept) {
      if (settings.rscales[r]! > 0) {
        sum += thetas[r]!;
        count += 1;
      }
    }
    centre = sum / count;
  }
  let total = 0;
  for (const r of kept) total += settings.rscales[r]! * (thetas[r]! - centre) ** 2;
  return settings.scale * total;
}

/**
 * Degrees of freedom of a replicate design over some rows — R `degf.svyrep.design`: the rank of
 * the rows' replicate weights (R `qr(…, tol = 1e-5)$rank`) minus one. The rank is found by
 * Gram–Schmidt with re-orthogonalisation: a column whose remainder is below 1e-5 of its norm
 * depends on the earlier ones, R's (dqrdc2) criterion.
 */
export function replicateDf(replicates: readonly NumericArray[], rows?: Uint8Array): number {
  const basis: Float64Array[] = [];
  for (const weights of replicates) {
    const v = rows === undefined ? Float64Array.from(weights) : Float64Array.from(selected(weights, rows));
    const norm = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    if (!(norm > 0)) continue;
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        let dot = 0;
        for (let i = 0; i < v.length; i++) dot += q[i]! * v[i]!;
        for (let i = 0; i < v.length; i++) v[i]! -= dot * q[i]!;
      }
    }
    const rest = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
    if (rest < 1e-5 * norm) continue;
    for (let i = 0; i < v.length; i++) v[i]! /= rest;
    basis.push(v);
  }
  return basis.length - 1;
}

function* selected(values: NumericArray, rows: Uint8Array): Generator<number> {
  for (let i = 0; i < rows.length; i++) if (rows[i]) yield values[i]!;
}
