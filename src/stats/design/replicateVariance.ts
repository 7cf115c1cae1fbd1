import type { NumericArray } from "../../tally/designTally";

/** The multipliers and centre of a replicate variance (see `replicateScales`). */
export interface ReplicateVarianceSettings {
  /** The overall multiplier. */
  scale: number;
  /** One multiplier per replicate. */
  rscales: NumericArray;
  /** Deviations around the full-sample estimate (true) or around the replicates' mean (false, R's default). */
  mse: boolean;
}

/**
 * The replicate variance of an estimate θ̂ from its replicate estimates θ_r — R survey's `svrVar`:
 * V = scale · Σ_r rscales_r (θ_r − c)², with c = θ̂ when `mse`, else the mean of the θ_r whose
 * rscales is positive. A replicate whose estimate is not a number (a domain its weights leave
 * empty) is dropped with its rscales, as R's `na.action = na.omit`.
 *
 * @param thetas - The replicates' estimates.
 * @param estimate - The full-sample estimate θ̂.
 * @param settings - The multipliers and the centre (`mse`).
 * @returns The variance.
 *
 * @example
 * ```ts
 * import { replicateVariance } from "svyprop";
 *
 * // 0.75 · Σ(θ_r − 0.75)² for the delete-one jackknife of [1, 0, 1, 1]:
 * replicateVariance([2 / 3, 1, 2 / 3, 2 / 3], 0.75, { scale: 0.75, rscales: [1, 1, 1, 1], mse: false }); // → 0.0625
 * ```
 */
export function replicateVariance(thetas: NumericArray, estimate: number, settings: ReplicateVarianceSettings): number {
  return replicateCovariance([thetas], [estimate], settings)[0]!;
}

/**
 * The replicate covariance matrix (row-major, m × m) of m estimates from their replicate
 * estimates (`thetas[a][r]`: estimate a in replicate r), as R's `svrVar` on a matrix:
 * V_ab = scale · Σ_r rscales_r (θ_ar − c_a)(θ_br − c_b), c as in `replicateVariance`; a replicate
 * where any estimate is not a number is dropped (R's `na.omit` of the replicates' rows).
 */
export function replicateCovariance(thetas: readonly NumericArray[], estimates: NumericArray, settings: ReplicateVarianceSettings): Float64Array {
  const m = thetas.length;
  const kept: number[] = [];
  for (let r = 0; r < (thetas[0]?.length ?? 0); r++) if (thetas.every((theta) => !Number.isNaN(theta[r]!))) kept.push(r);
  const centres = Float64Array.from(thetas, (theta, a) => {
    if (settings.mse) return estimates[a]!;
    let sum = 0;
    let count = 0;
    for (const r of kept) {
      if (settings.rscales[r]! > 0) {
        sum += theta[r]!;
        count += 1;
      }
    }
    return sum / count;
  });
  const V = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      let total = 0;
      for (const r of kept) total += settings.rscales[r]! * (thetas[a]![r]! - centres[a]!) * (thetas[b]![r]! - centres[b]!);
      V[a * m + b] = V[b * m + a] = settings.scale * total;
    }
  }
  return V;
}

/**
 * Degrees of freedom of a replicate design over some rows — R `degf.svyrep.design`: the rank of
 * the rows' replicate weights (R `qr(…, tol = 1e-5)$rank`) minus one. The rank comes from the
 * R × R Gram matrix G = WᵀW of the rows (one pass over them) by a Cholesky factorisation that
 * skips dependent columns: column j depends on the earlier independent ones when its remainder
 * after projecting them out is below 1e-5 of its norm (remainder² < 1e-10·G_jj), R's (dqrdc2)
 * criterion. Rounding in G is about 1e-16·G_jj, far below that threshold.
 *
 * @param replicates - The replicate weight columns.
 * @param rows - The rows to count, 0/1 (default: all).
 * @returns The degrees of freedom.
 *
 * @example
 * ```ts
 * import { replicateDf } from "svyprop";
 *
 * // R: degf() of the delete-one jackknife of 4 rows.
 * replicateDf([[0, 4 / 3, 4 / 3, 4 / 3], [4 / 3, 0, 4 / 3, 4 / 3], [4 / 3, 4 / 3, 0, 4 / 3], [4 / 3, 4 / 3, 4 / 3, 0]]); // → 3
 * ```
 */
export function replicateDf(replicates: readonly NumericArray[], rows?: Uint8Array): number {
  const R = replicates.length;
  const gram = new Float64Array(R * R);
  const row = new Float64Array(R);
  const n = replicates[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    if (rows !== undefined && !rows[i]) continue;
    for (let a = 0; a < R; a++) row[a] = replicates[a]![i]!;
    for (let a = 0; a < R; a++) {
      const x = row[a]!;
      if (x === 0) continue;
      const offset = a * R;
      for (let b = 0; b <= a; b++) gram[offset + b]! += x * row[b]!;
    }
  }
  // L[j][k] for the independent columns k, stored in the lower triangle of `factor`.
  const factor = new Float64Array(R * R);
  const independent: number[] = [];
  for (let j = 0; j < R; j++) {
    const diagonal = gram[j * R + j]!;
    if (!(diagonal > 0)) continue;
    let remainder = diagonal;
    for (const k of independent) {
      let dot = gram[j * R + k]!;
      for (const m of independent) {
        if (m === k) break;
        dot -= factor[j * R + m]! * factor[k * R + m]!;
      }
      const l = dot / factor[k * R + k]!;
      factor[j * R + k] = l;
      remainder -= l * l;
    }
    if (remainder < 1e-10 * diagonal) continue;
    factor[j * R + j] = Math.sqrt(remainder);
    independent.push(j);
  }
  return independent.length - 1;
}
