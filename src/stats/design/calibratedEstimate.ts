import { argumentError } from "../../errors";
import type { Id } from "./designTally";
import { estimateFromTally, type DesignEstimate } from "./designEstimate";
import { meanShift, type DesignVariableInput } from "./designMean";
import { linearizedVariance } from "./linearizedVariance";
import { maskColumn, prepareDesign } from "./prepareDesign";

export interface CalibratedInput extends DesignVariableInput {
  /**
   * The post-stratification (one array) or raking margins (several) the `weights` were
   * calibrated on, one cell id per row — the output weights of `postStratify` or `rake`.
   */
  calibration: readonly (readonly Id[])[];
}

/**
 * Mean or total on post-stratified or raked weights, with the linearised variance of the
 * residuals of the influence function from the calibration cells (Deville & Särndal 1992;
 * Lumley 2010 §7.2–7.3): e_i = (y_i − ȳ)/Σw (mean) or y_i (total), zero outside the domain; for
 * each margin in turn e_i ← e_i − ē_c, ē_c the weighted mean of e in i's cell; then V is the
 * stratified-cluster variance of the PSU totals of w·e. For raking this sequential projection
 * is the approximation R survey uses. deff scales with the variance.
 */
export function calibratedEstimate(input: CalibratedInput, kind: "mean" | "total" = "mean"): DesignEstimate {
  const { y } = input;
  const n = y.length;
  if (input.weights === undefined) throw argumentError("weights", "must be given: the calibrated weights");
  if (input.calibration.length === 0) throw argumentError("calibration", "must hold at least one array of cell ids");
  const w = input.weights;
  const mask = maskColumn(input.domain, n);
  // See meanShift: the tallied y of a mean is shifted when far from 0, and the shift added back.
  const shift = kind === "mean" ? meanShift(y, mask) : 0;
  const masked = new Float64Array(n);
  for (let i = 0; i < n; i++) masked[i] = mask[i] === 0 ? 0 : y[i]! - shift;
  let W = 0;
  let Wy = 0;
  for (let i = 0; i < n; i++) {
    W += w[i]! * mask[i]!;
    Wy += w[i]! * masked[i]!;
  }
  const mean = Wy / W; // of y − shift
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) e[i] = kind === "mean" ? (mask[i]! * (y[i]! - shift - mean)) / W : masked[i]!;
  for (const cells of input.calibration) {
    if (cells.length !== n) throw argumentError("calibration", `arrays must have ${n} values`, cells.length);
    const sums = new Map<string, [number, number]>();
    for (let i = 0; i < n; i++) {
      const key = String(cells[i]);
      const s = sums.get(key) ?? [0, 0];
      s[0] += w[i]! * e[i]!;
      s[1] += w[i]!;
      sums.set(key, s);
    }
    for (let i = 0; i < n; i++) {
      const s = sums.get(String(cells[i]))!;
      if (s[1] > 0) e[i]! -= s[0] / s[1];
    }
  }
  const design = prepareDesign(input, [mask, masked, e]);
  const base = estimateFromTally(design, 1, 0, kind, input);
  const variance = linearizedVariance(design, Float64Array.of(0, 0, 1), input);
  const ratio = variance / base.variance;
  return { ...base, estimate: base.estimate + shift, variance, se: Math.sqrt(variance), deff: base.deff * ratio, deffReplace: base.deffReplace * ratio };
}
