import { argumentError } from "../../errors";
import type { FinalDesignTally } from "../../tally/designTally";
import { linearizedVariance, type VarianceOptions } from "./linearizedVariance";
import { withoutReplacementFactor } from "./withoutReplacementFactor";

/** A design-based estimate (R `svymean` / `svytotal` with `deff = TRUE`). */
export interface DesignEstimate {
  /** The mean (Σw·y/Σw) or total (Σw·y). */
  estimate: number;
  /** Its standard error, √variance. */
  se: number;
  /** Its linearised (or replicate) variance. */
  variance: number;
  /**
   * Design effect as R `deff = TRUE`: V / V_srswor with V_srswor = s²_w·(N̂ − n)/(N̂·n),
   * N̂ = Σw (even without an fpc), s²_w = Σw(y − ȳ)²/Σw · n/(n − 1); totals multiply V_srswor by N̂².
   * Not finite where R's is not: Inf when N̂ = n (no weights), NaN when N̂ < n or V = V_srswor = 0
   * (see `withoutReplacementFactor`).
   */
  deff: number;
  /** Design effect as R `deff = "replace"`: V / (s²_w / n) (totals: times N̂²). */
  deffReplace: number;
  /** Degrees of freedom: #PSUs − #strata, counting only PSUs and strata with rows in the domain. */
  df: number;
  /** Rows in the domain (unweighted). */
  n: number;
  /** Σw over the domain. */
  sumWeights: number;
  /** Kish effective sample size (Σw)²/Σw² over the domain. */
  effectiveN: number;
}

/**
 * Mean (ratio) of column `a` over the domain indicator column `b` — R̂ = Y_a / Y_b — or the total
 * Y_a, with the linearised variance of z = (T_a − R̂·T_b)/Y_b for the ratio and z = T_a for the total
 * (Woodruff 1971; Lumley 2010 §2.2 and §3.4: domain estimates keep the full design, z = 0 outside).
 * Column `a` must be y·1_D and column `b` the 0/1 domain indicator.
 *
 * @param design - The finalised design tally.
 * @param a - The column of y·1_D.
 * @param b - The column of the domain indicator 1_D.
 * @param kind - "mean" (the ratio Y_a/Y_b) or "total" (Y_a).
 * @param options - Single-PSU strata and column names for errors.
 * @returns The estimate with its SE, variance, design effects, df, n, Σw and Kish's effective n.
 * @throws {@link SurveyError} `E_LONELY_PSU` for a stratum with one PSU (unless `lonelyPsu` says otherwise).
 *
 * @example
 * ```ts
 * import { estimateFromTally, prepareDesign } from "svyprop";
 *
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * const y = [1, 0, 1, 1, 0, 1, 0, 1];
 * const tally = prepareDesign(design, [y, y.map(() => 1)]);
 * // The same as designMean: R svymean(~y, design) gives 0.571429, SE 0.084145.
 * estimateFromTally(tally, 0, 1, "mean"); // → { estimate: 0.571429, se: 0.084145 }
 * ```
 */
export function estimateFromTally(
  design: FinalDesignTally,
  a: number,
  b: number,
  kind: "mean" | "total",
  options: VarianceOptions = {},
): DesignEstimate {
  const k = design.columns;
  const Yb = design.totals[b]!;
  const n = design.rowsNonzero[b]!;
  if (n === 0 || !(Yb > 0)) throw argumentError("domain", "has no rows with positive weight");
  const Ya = design.totals[a]!;
  const c = new Float64Array(k);
  const mean = Ya / Yb;
  let estimate: number;
  if (kind === "mean") {
    estimate = mean;
    c[a]! += 1 / Yb;
    c[b]! -= mean / Yb;
  } else {
    estimate = Ya;
    c[a] = 1;
  }
  const variance = linearizedVariance(design, c, options);
  // Σw(y − ȳ)² = Σwy² − ȳ²Σw. A y constant in the domain (a proportion of 0 or 1) leaves only the
  // rounding of two sums added in different orders: that is 0, or deff would be 0 or NaN by chance.
  const spread = design.sumWU2[a]! - mean * mean * Yb;
  const s2 = spread <= 1e-10 * design.sumWU2[a]! ? 0 : (spread / Yb) * (n / (n - 1));
  const scale = kind === "total" ? Yb * Yb : 1;
  const deffReplace = variance / ((s2 * scale) / n);
  const deff = deffReplace / withoutReplacementFactor(Yb, n);
  return {
    estimate,
    se: Math.sqrt(variance),
    variance,
    deff,
    deffReplace,
    df: domainDf(design, b),
    n,
    sumWeights: Yb,
    effectiveN: (Yb * Yb) / design.sumW2U2[b]!,
  };
}

/**
 * #PSUs with rows where column `b` ≠ 0 minus #strata with such PSUs (R `degf` of the subset).
 *
 * @param design - The finalised design tally.
 * @param b - The column of the domain indicator.
 * @returns The domain's degrees of freedom.
 *
 * @example
 * ```ts
 * import { domainDf, prepareDesign } from "svyprop";
 *
 * const design = { strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * // A domain with rows in three PSUs of two strata: 3 − 2.
 * const domain = [1, 1, 0, 0, 1, 0, 1, 1];
 * domainDf(prepareDesign(design, [domain]), 0); // → 1
 * ```
 */
export function domainDf(design: FinalDesignTally, b: number): number {
  let psus = 0;
  let strata = 0;
  for (const h of design.strata) {
    const count = h.psuNonzero[b]!;
    if (count > 0) {
      psus += count;
      strata += 1;
    }
  }
  return psus - strata;
}
