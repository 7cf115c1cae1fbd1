import { SurveyError, argumentError } from "../../errors";
import { spreadsheetRow, type DesignColumnNames, type FinalDesignTally, type LonelyPsu, LONELY_PSU_OPTIONS } from "../../tally/designTally";

/** Options of the linearised variance. */
export interface VarianceOptions {
  /** Single-PSU strata: "fail" (default, as R), "certainty", "remove", "adjust" or "average". */
  lonelyPsu?: LonelyPsu;
  /** Column names, for error messages. */
  names?: DesignColumnNames;
}

/**
 * Taylor-linearised covariance matrix of linear combinations z^(a) = Σ_k c_ak T_k of the PSU
 * totals, with-replacement PSU approximation and finite population correction
 * (Wolter 2007, §6.11; Lumley 2010, appendix C; R survey `svyrecvar` one stage):
 *
 *     V_ab = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_j (z^(a)_hj − z̄^(a)_h)(z^(b)_hj − z̄^(b)_h),
 *
 * f_h = n_h/N_h with an fpc, else 0; n_h = PSUs in stratum h. Computed from the moments as
 * c_aᵀ(S2_h − S1_h S1_hᵀ/n_h)c_b.
 *
 * A stratum with one PSU throws `E_LONELY_PSU` unless `lonelyPsu` says otherwise, as R's
 * `survey.lonely.psu`: "certainty" and "remove" give it no variance; "adjust" centres its PSU
 * total at the mean PSU total of the whole sample (with factor 1 in place of n_h/(n_h − 1));
 * "average" gives it no variance and multiplies V by #strata / #strata with more than one PSU.
 * A stratum that is wholly sampled (f_h = 1) contributes 0 and is never lonely (a certainty PSU).
 *
 * A multistage design adds each PSU's own variance at the next stage, times n_h/N_h, and so on
 * down (R `multistage`; see `withSubsamples`), with the same lonely-unit rule at every stage.
 * @param design - The finalised design tally.
 * @param coefficients - One coefficient vector c (one entry per column) per linear combination.
 * @param options - Single-PSU strata and column names for errors.
 * @returns The covariance matrix of the combinations, row-major.
 * @throws {@link SurveyError} `E_LONELY_PSU` for a stratum with one PSU (unless `lonelyPsu` says otherwise).
 *
 * @example
 * ```ts
 * import { linearizedCovariance, prepareDesign } from "svyprop";
 *
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * const y = [1, 0, 1, 1, 0, 1, 0, 1];
 * const tally = prepareDesign(design, [y, y.map(() => 1)]);
 * // Var(Ŷ) = 4 (R: SE(svytotal(~y, design)) = 2), Cov(Ŷ, N̂) = 8, Var(N̂) = 20.
 * linearizedCovariance(tally, [Float64Array.of(1, 0), Float64Array.of(0, 1)]); // → [4, 8, 8, 20]
 * ```
 */
export function linearizedCovariance(design: FinalDesignTally, coefficients: readonly Float64Array[], options: VarianceOptions = {}): Float64Array {
  const lonely = options.lonelyPsu ?? "fail";
  if (!LONELY_PSU_OPTIONS.includes(lonely)) throw argumentError("lonelyPsu", `must be one of ${LONELY_PSU_OPTIONS.join(", ")}`, lonely);
  const k = design.columns;
  const m = coefficients.length;
  for (const c of coefficients) if (c.length !== k) throw argumentError("coefficients", `must each have ${k} values`, c.length);
  const V = new Float64Array(m * m);
  const cS1 = new Float64Array(m);
  // S2·c_b for every b, reused across a.
  const S2c = new Float64Array(m * k);
  let lonelyStrata = 0;
  const grandMean = new Float64Array(m);
  if (lonely === "adjust") {
    for (let a = 0; a < m; a++) grandMean[a] = dot(coefficients[a]!, design.totals) / design.nPsu;
  }
  for (const h of design.strata) {
    const n = h.nPsu;
    const fpcFactor = h.fpc === undefined ? 1 : 1 - n / h.fpc;
    // A wholly sampled stratum (f_h = 1, e.g. a certainty PSU with N_h = 1) has no sampling variance.
    if (fpcFactor === 0) continue;
    if (n === 1) {
      lonelyStrata += 1;
      if (lonely === "fail") throw lonelyUnitError(design, h, options.names);
      if (lonely !== "adjust") continue;
      // (z_h − z̄_grand)(…)ᵀ with scale 1.
      for (let a = 0; a < m; a++) cS1[a] = dot(coefficients[a]!, h.s1) - grandMean[a]!;
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) V[a * m + b]! += fpcFactor * cS1[a]! * cS1[b]!;
      continue;
    }
    const scale = (fpcFactor * n) / (n - 1);
    for (let b = 0; b < m; b++) {
      const cb = coefficients[b]!;
      for (let r = 0; r < k; r++) {
        let sum = 0;
        const base = r * k;
        for (let c = 0; c < k; c++) sum += h.s2[base + c]! * cb[c]!;
        S2c[b * k + r] = sum;
      }
      cS1[b] = dot(cb, h.s1);
    }
    for (let a = 0; a < m; a++) {
      const ca = coefficients[a]!;
      for (let b = a; b < m; b++) {
        let quad = 0;
        for (let r = 0; r < k; r++) quad += ca[r]! * S2c[b * k + r]!;
        const value = scale * (quad - (cS1[a]! * cS1[b]!) / n);
        V[a * m + b]! += value;
        if (b !== a) V[b * m + a]! += value;
      }
    }
  }
  if (lonely === "average" && lonelyStrata > 0) {
    const ok = design.strata.length - lonelyStrata;
    const factor = ok === 0 ? Number.NaN : design.strata.length / ok;
    for (let i = 0; i < V.length; i++) V[i]! *= factor;
  }
  for (const sub of design.subsamples ?? []) {
    const within = linearizedCovariance(sub.design, coefficients, { ...options, names: sub.names });
    for (let i = 0; i < V.length; i++) V[i]! += sub.fraction * within[i]!;
  }
  return V;
}

/** `E_LONELY_PSU` for a stratum with one PSU — at a later stage of a multistage design, a unit with one sampled unit within. */
function lonelyUnitError(design: FinalDesignTally, h: FinalDesignTally["strata"][number], names: VarianceOptions["names"]): SurveyError {
  const stage = design.stage ?? 1;
  const choose = 'choose lonelyPsu "certainty", "remove", "adjust" or "average"';
  const message =
    stage === 1
      ? `stratum "${h.key}" has only one PSU, so its variance is undefined; ${choose}`
      : `unit "${h.key}" has only one unit sampled within it at stage ${stage} (and a population count above 1), so its variance is undefined; ${choose}`;
  return new SurveyError("E_LONELY_PSU", message, {
    row: spreadsheetRow(h.firstRow),
    column: (stage === 1 ? names?.strata : names?.cluster) ?? (stage === 1 ? "strata" : "cluster"),
    value: h.key,
  });
}

/**
 * Linearised variance of one linear combination (see `linearizedCovariance`).
 *
 * @param design - The finalised design tally.
 * @param coefficients - The combination's coefficient of each column.
 * @param options - Single-PSU strata and column names for errors.
 * @returns The variance.
 * @throws {@link SurveyError} as `linearizedCovariance`.
 *
 * @example
 * ```ts
 * import { linearizedVariance, prepareDesign } from "svyprop";
 *
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * const tally = prepareDesign(design, [[1, 0, 1, 1, 0, 1, 0, 1]]);
 * // R: SE(svytotal(~y, design)) = 2
 * linearizedVariance(tally, Float64Array.of(1)); // → 4
 * ```
 */
export function linearizedVariance(design: FinalDesignTally, coefficients: Float64Array, options: VarianceOptions = {}): number {
  return Math.max(0, linearizedCovariance(design, [coefficients], options)[0]!);
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
