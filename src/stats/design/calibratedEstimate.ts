import { argumentError } from "../../errors";
import type { CalibratedMargin, CalibrationResult } from "./calibrate";
import { estimateFromTally, type DesignEstimate } from "./designEstimate";
import { meanShift, type DesignVariableInput } from "./designMean";
import { linearizedVariance } from "./linearizedVariance";
import { analysisMask, prepareDesign } from "./prepareDesign";

/** The input of `calibratedEstimate`: a design variable with calibrated weights instead of sampling weights. */
export interface CalibratedInput extends Omit<DesignVariableInput, "weights"> {
  /** The result of `postStratify` or `rake`: its weights are the design's weights. */
  calibration: CalibrationResult;
}

/** R survey's raking residuals go through the margins this many times (svyrecvar). */
const RAKING_RESIDUAL_CYCLES = 10;

/**
 * Mean or total on post-stratified or raked weights, with the linearised variance of the
 * influence values' residuals from the calibration cells (Deville & Särndal 1992; Lumley 2010
 * §7.2–7.3), computed as R survey's `svyrecvar` does:
 * x_i = w_i (y_i − ȳ)/Σw (mean) or w_i y_i (total), zero outside the domain; then
 * - post-stratification: x_i ← x_i − w_i · Σ_{j∈c} w⁰_j x_j/w_j / Σ_{j∈c} w⁰_j (w⁰ the weights before),
 *   i.e. the residual from the cell's weighted mean;
 * - raking: ten times over the margins, x_i ← x_i − w^m_i · mean_{j∈c}(x_j/w^m_j), w^m the weights
 *   after margin m in the last cycle — R's approximation, whose cell means are unweighted;
 * and V is the stratified-cluster variance of the PSU totals of x. deff scales with the variance.
 *
 * @param input - The design without weights (strata, cluster, fpc), the variable `y`, an optional
 *   domain, and the `calibration` whose weights it uses.
 * @param kind - "mean" or "total".
 * @returns The estimate with its SE from the calibration residuals, as R computes it.
 * @throws {@link SurveyError} as `designMean`.
 *
 * @example
 * ```ts
 * import { calibratedEstimate, postStratify } from "svyprop";
 *
 * const calibration = postStratify({
 *   weights: [2, 2, 1, 1, 3, 3, 1, 1],
 *   postStrata: ["m", "f", "m", "f", "m", "f", "m", "f"],
 *   population: { m: 10, f: 6 },
 * });
 * // R: svymean(~x, postStratify(design, ~g, pop)) gives 4.6071, SE 0.3204.
 * const design = { strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * calibratedEstimate({ ...design, y: [3, 5, 2, 8, 6, 4, 7, 1], calibration }, "mean"); // → { estimate: 4.6071, se: 0.3204 }
 * ```
 */
export function calibratedEstimate(input: CalibratedInput, kind: "mean" | "total" = "mean"): DesignEstimate {
  const { y, calibration } = input;
  const n = y.length;
  const w = calibration.weights;
  if (w.length !== n) throw argumentError("calibration", `weights must have ${n} values`, w.length);
  for (const m of calibration.margins) if (m.cells.length !== n) throw argumentError("calibration", `margins must have ${n} values`, m.cells.length);
  const mask = analysisMask(input, [y], n);
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
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = kind === "mean" ? (w[i]! * mask[i]! * (masked[i]! - mean)) / W : w[i]! * masked[i]!;
  calibrationResiduals(x, calibration);
  // Tallied with the weights, so the residual column holds x/w.
  const residual = Float64Array.from(x, (v, i) => (w[i]! > 0 ? v / w[i]! : 0));
  const design = prepareDesign({ ...input, weights: w }, [mask, masked, residual]);
  const base = estimateFromTally(design, 1, 0, kind, input);
  const variance = linearizedVariance(design, Float64Array.of(0, 0, 1), input);
  const ratio = variance / base.variance;
  return { ...base, estimate: base.estimate + shift, variance, se: Math.sqrt(variance), deff: base.deff * ratio, deffReplace: base.deffReplace * ratio };
}

/**
 * Replaces influence values x (one per row, x_i = w_i·z_i) by their residuals from the
 * calibration's cells, in place, as R's `svyrecvar` does before the design variance: one pass of
 * weighted cell means for post-stratification, ten cycles over the margins for raking.
 */
export function calibrationResiduals(x: Float64Array, calibration: CalibrationResult): void {
  if (calibration.kind === "postStratify") for (const m of calibration.margins) subtractWeightedCellMeans(x, m);
  else for (let cycle = 0; cycle < RAKING_RESIDUAL_CYCLES; cycle++) for (const m of calibration.margins) subtractCellMeans(x, m);
}

/** Post-stratification: x ← x − w·(cell mean of x/w weighted by the weights before). */
function subtractWeightedCellMeans(x: Float64Array, m: CalibratedMargin): void {
  const sums = new Float64Array(cellCount(m));
  const weights = new Float64Array(sums.length);
  for (let i = 0; i < x.length; i++) {
    const after = m.weightsAfter[i]! === 0 && m.weightsBefore[i]! === 0 ? 1 : m.weightsAfter[i]!;
    sums[m.cells[i]!]! += (x[i]! * m.weightsBefore[i]!) / after;
    weights[m.cells[i]!]! += m.weightsBefore[i]!;
  }
  for (let i = 0; i < x.length; i++) x[i]! -= (sums[m.cells[i]!]! / weights[m.cells[i]!]!) * m.weightsAfter[i]!;
}

/** One raking step: x ← x − w^m·(unweighted cell mean of x/w^m). */
function subtractCellMeans(x: Float64Array, m: CalibratedMargin): void {
  const sums = new Float64Array(cellCount(m));
  const counts = new Float64Array(sums.length);
  for (let i = 0; i < x.length; i++) {
    const wi = m.weightsAfter[i]!;
    sums[m.cells[i]!]! += wi > 0 ? x[i]! / wi : 0;
    counts[m.cells[i]!]! += 1;
  }
  for (let i = 0; i < x.length; i++) x[i]! -= (sums[m.cells[i]!]! / counts[m.cells[i]!]!) * m.weightsAfter[i]!;
}

const cellCount = (m: CalibratedMargin): number => m.cells.reduce((most, c) => Math.max(most, c), -1) + 1;
