import type { CalibrationResult } from "./calibrate";
import { calibrationResiduals } from "./calibratedEstimate";
import { linearizedCovariance } from "./linearizedVariance";
import { prepareDesign } from "./prepareDesign";
import { raoScottFromCovariance, type RaoScottOptions, type RaoScottResult } from "./raoScottTest";
import { tableDesign, type TableDesignInput } from "./tableDesign";

/**
 * The Rao–Scott test (see `raoScottTest`) on post-stratified or raked weights, as R survey 4.1-1
 * `svychisq` computes it on a calibrated design: the table and X² on the calibrated weights, and
 * V the covariance of the cell proportions' influence values x_ic = w_i(1[i in c] − p̂_c)/Σw over
 * the complete rows, each replaced by its residuals from the calibration's cells
 * (`calibrationResiduals`, R's `svyrecvar`) before the design's stratified, clustered (multistage)
 * variance (Lumley 2010 §7.2–7.3; Rao & Scott 1984). The df are the design's, #PSUs − #strata.
 *
 * @param input - The design (strata, clusters, fpc; its weights are the calibration's), the row
 *   and column variables, the `statistic` ("F" or "Chisq") and the `calibration` (from
 *   `postStratify` or `rake`).
 * @returns The statistic, df, p-value, Pearson's X², the traces of Δ and the weighted table.
 * @throws {@link SurveyError} as `tableDesign` and `designMean`.
 *
 * @example
 * ```ts
 * import { calibratedRaoScottTest, postStratify } from "svyprop";
 *
 * const calibration = postStratify({
 *   weights: [2, 2, 1, 1, 3, 3, 1, 1],
 *   postStrata: ["m", "f", "m", "f", "m", "f", "m", "f"],
 *   population: { m: 10, f: 6 },
 * });
 * const design = { strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * // R: svychisq(~h + y, postStratify(design, ~g, pop)) gives F = 0.95496, ndf = 1, ddf = 2, p-value = 0.4315.
 * calibratedRaoScottTest({ ...design, rows: ["u", "v", "v", "u", "u", "v", "v", "u"], cols: [1, 1, 1, 0, 0, 1, 0, 0], calibration });
 * // → { statistic: 0.95496, ndf: 1, ddf: 2, pValue: 0.4315 }
 * ```
 */
export function calibratedRaoScottTest(input: TableDesignInput & RaoScottOptions & { calibration: CalibrationResult }): RaoScottResult {
  const { calibration, ...rest } = input;
  const w = calibration.weights;
  const table = tableDesign({ ...rest, weights: w });
  const [complete, ...cells] = table.columns as [Float64Array, ...Float64Array[]];
  const total = table.design.totals[0]!;
  const residuals = cells.map((cell, c) => {
    const p = table.design.totals[1 + c]! / total;
    const x = Float64Array.from(cell, (inCell, i) => (w[i]! * (inCell - p * complete[i]!)) / total);
    calibrationResiduals(x, calibration);
    // Tallied with the weights, so the column holds x/w.
    return Float64Array.from(x, (value, i) => (w[i]! > 0 ? value / w[i]! : 0));
  });
  const design = prepareDesign({ ...rest, weights: w }, residuals);
  const unit = residuals.map((_, c) => Float64Array.from(residuals, (__, j) => (j === c ? 1 : 0)));
  return raoScottFromCovariance({ ...table, totals: table.design.totals }, linearizedCovariance(design, unit, input), table.design.df, input.statistic);
}
