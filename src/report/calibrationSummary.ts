import type { CalibrationResult } from "../stats/design";

/**
 * One line on a calibration: which margins, whether raking converged (R `rake` only warns), in
 * how many cycles, and how far the weights still are from the population counts.
 *
 * @param calibration - The calibration, from `postStratify`, `rake` or `calibrationOf`.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { calibrationSummary, postStratify } from "svyprop";
 *
 * const calibration = postStratify({ postStrata: ["m", "f", "m"], population: { m: 10, f: 6 } });
 * calibrationSummary(calibration); // → "Post-stratified on postStrata: …"
 * ```
 */
export function calibrationSummary(calibration: CalibrationResult): string {
  const margins = calibration.margins.map((m) => m.name).join(", ");
  const discrepancy = `largest distance of a margin total from its population count ${formatCount(calibration.maxDiscrepancy)}`;
  if (calibration.kind === "postStratify") return `Post-stratified on ${margins}: ${discrepancy}.\n`;
  const cycles = `${calibration.iterations} cycle${calibration.iterations === 1 ? "" : "s"}`;
  return calibration.converged
    ? `Raked on ${margins}: converged after ${cycles}; ${discrepancy}.\n`
    : `Raked on ${margins}: NOT converged after ${cycles}; ${discrepancy}. Raise design.calibration.maxIterations or check the margins.\n`;
}

const formatCount = (value: number): string => (value === 0 ? "0" : value >= 0.01 ? value.toFixed(2) : value.toExponential(1));
