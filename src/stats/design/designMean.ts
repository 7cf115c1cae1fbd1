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
 */
export function designMean(input: DesignVariableInput): DesignEstimate {
  return designMeans({ ...input, ys: [input.y] })[0]!;
}

/** Weighted total Σwy — R `svytotal(~y, design, deff = TRUE)` (domain: y·1_D). */
export function designTotal(input: DesignVariableInput): DesignEstimate {
  return designEstimates({ ...input, ys: [input.y] }, "total")[0]!;
}

/** Several means on the same design and domain in one pass over the rows. */
export function designMeans(input: DesignVariablesInput): DesignEstimate[] {
  return designEstimates(input, "mean");
}

/** Several totals on the same design and domain in one pass over the rows. */
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
 */
export function meanShift(y: NumericArray, mask: ArrayLike<number>): number {
  for (let i = 0; i < y.length; i++) {
    if (mask[i] === 0) continue;
    const v = y[i]!;
    return Number.isFinite(v) && Math.abs(v) > 1 ? v : 0;
  }
  return 0;
}
