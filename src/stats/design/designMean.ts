import { argumentError } from "../../errors";
import type { NumericArray } from "../../tally/designTally";
import { estimateFromTally, type DesignEstimate } from "./designEstimate";
import { analysisMask, prepareDesign, type DesignInput, type DomainMask } from "./prepareDesign";

export interface DesignVariableInput extends DesignInput {
  /** The analysis variable, one value per row (0/1 for a proportion). */
  y: NumericArray;
  /** Optional domain: the estimate is over rows where it is true, with the full design kept. */
  domain?: DomainMask;
  /**
   * Rows whose value is NaN (missing) leave the domain, as R's `na.rm = TRUE` (which subsets the
   * design: a domain estimate). Without it a missing value is an error naming its row.
   */
  naRm?: boolean;
}

/** Several analysis variables on one design (`designMeans`, `designTotals`). */
export interface DesignVariablesInput extends DesignInput {
  /** The analysis variables, each one value per row. */
  ys: readonly NumericArray[];
  /** Optional domain: the estimates are over rows where it is true, with the full design kept. */
  domain?: DomainMask;
  /** As `DesignVariableInput.naRm`; a row missing any of the variables leaves the domain of all (R). */
  naRm?: boolean;
}

/**
 * Weighted mean ȳ = Σwy/Σw with its Taylor-linearised SE, deff and df — R
 * `svymean(~y, design, deff = TRUE)`; with a domain mask, R `svyby`'s domain estimate.
 * Formulas: see `estimateFromTally` and `linearizedCovariance` (Lumley 2010, ch. 2–3).
 *
 * @param input - The analysis variable `y`, the design (weights, strata, cluster, fpc, lonely PSUs),
 *   and an optional domain.
 * @returns The mean with its SE, variance, design effects, df, n, Σw and Kish's effective n.
 * @throws {@link SurveyError} `E_ARGUMENT` for mismatched lengths or a missing value without
 *   `naRm`; `E_BAD_WEIGHT`, `E_FPC` or `E_LONELY_PSU` for a bad design.
 *
 * @example
 * ```ts
 * import { designMean } from "svyprop";
 *
 * // Two strata of two clusters. R: svymean(~y, svydesign(ids = ~psu, strata = ~st, weights = ~w, data = d), deff = TRUE)
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * designMean({ ...design, y: [1, 0, 1, 1, 0, 1, 0, 1] }); // → { estimate: 0.571429, se: 0.084145, deff: 0.4722, df: 2 }
 * ```
 */
export function designMean(input: DesignVariableInput): DesignEstimate {
  return designMeans({ ...input, ys: [input.y] })[0]!;
}

/**
 * Weighted total Σwy — R `svytotal(~y, design, deff = TRUE)` (domain: y·1_D).
 *
 * @param input - The analysis variable `y`, the design, and an optional domain.
 * @returns The total Σw·y with its SE, variance, design effects, df, n, Σw and Kish's effective n.
 * @throws {@link SurveyError} as `designMean`.
 *
 * @example
 * ```ts
 * import { designTotal } from "svyprop";
 *
 * // R: svytotal(~y, svydesign(ids = ~psu, strata = ~st, weights = ~w, data = d))
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * designTotal({ ...design, y: [1, 0, 1, 1, 0, 1, 0, 1] }); // → { estimate: 8, se: 2 }
 * ```
 */
export function designTotal(input: DesignVariableInput): DesignEstimate {
  return designEstimates({ ...input, ys: [input.y] }, "total")[0]!;
}

/**
 * Several means on the same design and domain in one pass over the rows.
 *
 * @param input - The analysis variables `ys`, the design, and an optional domain.
 * @returns One estimate per variable, as `designMean` gives.
 * @throws {@link SurveyError} as `designMean`.
 *
 * @example
 * ```ts
 * import { designMeans } from "svyprop";
 *
 * // R: svymean(~y + x, design)
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * const ys = [[1, 0, 1, 1, 0, 1, 0, 1], [3, 5, 2, 8, 6, 4, 7, 1]];
 * designMeans({ ...design, ys }); // → [{ estimate: 0.57143, se: 0.0841 }, { estimate: 4.57143, se: 0.3475 }]
 * ```
 */
export function designMeans(input: DesignVariablesInput): DesignEstimate[] {
  return designEstimates(input, "mean");
}

/**
 * Several totals on the same design and domain in one pass over the rows.
 *
 * @param input - The analysis variables `ys`, the design, and an optional domain.
 * @returns One total per variable, as `designTotal` gives.
 * @throws {@link SurveyError} as `designMean`.
 *
 * @example
 * ```ts
 * import { designTotals } from "svyprop";
 *
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * const ys = [[1, 0, 1, 1, 0, 1, 0, 1], [3, 5, 2, 8, 6, 4, 7, 1]];
 * designTotals({ ...design, ys }).map((total) => total.estimate); // → [8, 64]
 * ```
 */
export function designTotals(input: DesignVariablesInput): DesignEstimate[] {
  return designEstimates(input, "total");
}

function designEstimates(input: DesignVariablesInput, kind: "mean" | "total"): DesignEstimate[] {
  const { ys } = input;
  if (ys.length === 0) throw argumentError("ys", "must hold at least one variable");
  const n = ys[0]!.length;
  const mask = analysisMask(input, ys, n);
  const columns: NumericArray[] = [mask];
  const shifts: number[] = [];
  for (const y of ys) {
    if (y.length !== n) throw argumentError("y", `must have ${n} values`, y.length);
    const shift = kind === "mean" ? meanShift(y, mask) : 0;
    shifts.push(shift);
    if (input.domain === undefined && !input.naRm && shift === 0) columns.push(y);
    else {
      const masked = new Float64Array(n);
      for (let i = 0; i < n; i++) masked[i] = mask[i] === 0 ? 0 : y[i]! - shift;
      columns.push(masked);
    }
  }
  const design = prepareDesign(input, columns);
  return ys.map((_, j) => {
    const e = estimateFromTally(design, j + 1, 0, kind, input);
    return shifts[j] === 0 ? e : { ...e, estimate: e.estimate + shifts[j]! };
  });
}

/**
 * A mean's variance, deff and df do not change when y is shifted by a constant, but the moment
 * sums lose digits when |ȳ| is large against the spread of y. Values far from 0 are therefore
 * tallied as y − y_first (y_first = the first value in the domain) and the shift is added back;
 * 0/1 variables are left exactly as they are.
 *
 * @param y - The variable.
 * @param mask - The rows of the domain, 0/1.
 * @returns The constant to subtract before tallying (0 when none is needed).
 *
 * @example
 * ```ts
 * import { meanShift } from "svyprop";
 *
 * meanShift([1000001, 1000003, 1000002], [1, 1, 1]); // → 1000001
 * meanShift([0, 1, 1], [1, 1, 1]); // → 0
 * ```
 */
export function meanShift(y: NumericArray, mask: ArrayLike<number>): number {
  for (let i = 0; i < y.length; i++) {
    if (mask[i] === 0) continue;
    const v = y[i]!;
    return Number.isFinite(v) && Math.abs(v) > 1 ? v : 0;
  }
  return 0;
}
