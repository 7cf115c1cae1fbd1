import { SurveyError, argumentError } from "../../errors";
import type { Id, NumericArray } from "../../tally/designTally";

/** Known population counts of a post-stratification variable's cells: id → N_c. */
export type PopulationCounts = ReadonlyMap<Id, number> | Readonly<Record<string, number>>;

/** Calibrated weights, and what the variance computation needs to know about the calibration. */
export interface CalibrationResult {
  /** Which calibration made the weights. */
  kind: "postStratify" | "rake";
  /** The calibrated weights, one per row. */
  weights: Float64Array;
  /** Full raking cycles done (1 for post-stratification). */
  iterations: number;
  /** Whether raking met its epsilon within the iterations allowed (always true for post-stratification). */
  converged: boolean;
  /** Largest |Σ_{i∈c} w_i − N_c| over every cell of every margin at the end. */
  maxDiscrepancy: number;
  /** Each margin's cells and the weights just before and after its last adjustment (for the variance). */
  margins: CalibratedMargin[];
}

/** One margin of a calibration: its cells, and the weights around its last adjustment. */
export interface CalibratedMargin {
  /** The margin's column name. */
  name: string;
  /** Cell index of each row. */
  cells: Int32Array;
  /** The weights just before the margin's last adjustment. */
  weightsBefore: Float64Array;
  /** The weights just after it. */
  weightsAfter: Float64Array;
}

function countsMap(population: PopulationCounts, name: string): Map<string, number> {
  const entries = population instanceof Map ? [...population.entries()] : Object.entries(population);
  const out = new Map<string, number>();
  for (const [key, value] of entries) {
    if (!(value > 0) || !Number.isFinite(value)) throw argumentError(`${name}[${String(key)}]`, "must be a positive population count", value);
    out.set(String(key), value);
  }
  return out;
}

interface Margin {
  name: string;
  cells: Int32Array;
  targets: Float64Array;
  labels: string[];
}

function prepareMargin(ids: readonly Id[], population: PopulationCounts, name: string, n: number): Margin {
  if (ids.length !== n) throw argumentError(name, `must have ${n} values`, ids.length);
  const counts = countsMap(population, `${name} population`);
  const labels = [...counts.keys()];
  const index = new Map(labels.map((l, i) => [l, i]));
  const cells = new Int32Array(n);
  const seen = new Uint8Array(labels.length);
  for (let i = 0; i < n; i++) {
    const c = index.get(String(ids[i]));
    if (c === undefined) {
      throw new SurveyError("E_BAD_VALUE", `value has no population count in ${name}`, { row: i + 2, column: name, value: String(ids[i]) });
    }
    cells[i] = c;
    seen[c] = 1;
  }
  const missing = labels.filter((_, c) => seen[c] === 0);
  if (missing.length > 0) throw argumentError(name, `has population cells with no sampled row: ${missing.join(", ")}`);
  return { name, cells, targets: Float64Array.from(labels, (l) => counts.get(l)!), labels };
}

function checkWeights(weights: NumericArray, column: string): Float64Array {
  const w = Float64Array.from(weights);
  for (let i = 0; i < w.length; i++) {
    if (!(w[i]! >= 0) || !Number.isFinite(w[i]!)) {
      throw new SurveyError("E_BAD_WEIGHT", "weights must be finite and non-negative", { row: i + 2, column, value: String(w[i]) });
    }
  }
  return w;
}

/** Multiplies each cell's weights by N_c/Σ_{i∈c} w_i (in place), as R's postStratify; returns the margin's record. */
function adjustMargin(w: Float64Array, m: Margin): CalibratedMargin {
  const weightsBefore = Float64Array.from(w);
  const sums = new Float64Array(m.targets.length);
  for (let i = 0; i < w.length; i++) sums[m.cells[i]!]! += w[i]!;
  for (let c = 0; c < sums.length; c++) {
    if (!(sums[c]! > 0)) throw argumentError(m.name, `cell "${m.labels[c]}" has zero total weight and cannot be calibrated`);
  }
  for (let i = 0; i < w.length; i++) w[i]! *= m.targets[m.cells[i]!]! / sums[m.cells[i]!]!;
  return { name: m.name, cells: m.cells, weightsBefore, weightsAfter: Float64Array.from(w) };
}

function discrepancy(w: Float64Array, m: Margin): number {
  const sums = new Float64Array(m.targets.length);
  for (let i = 0; i < w.length; i++) sums[m.cells[i]!]! += w[i]!;
  let worst = 0;
  for (let c = 0; c < sums.length; c++) worst = Math.max(worst, Math.abs(sums[c]! - m.targets[c]!));
  return worst;
}

/**
 * Post-stratification (R `postStratify`; Holt & Smith 1979): w_i ← w_i · N_c/Σ_{i∈c} w_i, so each
 * post-stratum's weights add up to its known population count. Every sampled value needs a
 * count (`E_BAD_VALUE` with its row) and every count a sampled row (`E_ARGUMENT`).
 *
 * @param input - The weights (default 1), each row's post-stratum, and the population count of each.
 * @returns The calibrated weights and the margin's record (for the variance).
 * @throws {@link SurveyError} `E_ARGUMENT` for a post-stratum without a count, or a bad weight.
 *
 * @example
 * ```ts
 * import { postStratify } from "svyprop";
 *
 * // R: weights(postStratify(design, ~g, data.frame(g = c("m", "f"), Freq = c(10, 6))))
 * const calibrated = postStratify({
 *   weights: [2, 2, 1, 1, 3, 3, 1, 1],
 *   postStrata: ["m", "f", "m", "f", "m", "f", "m", "f"],
 *   population: { m: 10, f: 6 },
 * });
 * calibrated.weights; // → [2.857143, 1.714286, 1.428571, 0.857143, 4.285714, 2.571429, 1.428571, 0.857143]
 * ```
 */
export function postStratify(input: { weights?: NumericArray; postStrata: readonly Id[]; population: PopulationCounts; names?: { weights?: string; postStrata?: string } }): CalibrationResult {
  const n = input.postStrata.length;
  const w = checkWeights(input.weights ?? new Float64Array(n).fill(1), input.names?.weights ?? "weights");
  const margin = prepareMargin(input.postStrata, input.population, input.names?.postStrata ?? "postStrata", n);
  const record = adjustMargin(w, margin);
  return { kind: "postStratify", weights: w, iterations: 1, converged: true, maxDiscrepancy: discrepancy(w, margin), margins: [record] };
}

/** One raking margin: each row's cell, and the cells' population counts. */
export interface RakeMargin {
  /** The cell id of each row (e.g. each respondent's sex). */
  ids: readonly Id[];
  /** The population count of each cell id. */
  population: PopulationCounts;
  /** The margin's name in error messages (default "margins[i]"). */
  name?: string;
}

/**
 * Raking (iterative proportional fitting, Deming & Stephan 1940; Deville & Särndal 1992 raking
 * ratio), as R survey's `rake`: each cycle post-stratifies on every margin in turn; it stops when
 * no cell of the cross-table of all margins changed its weighted count by `epsilon` or more in
 * the cycle (converged), or after `maxIterations` cycles (not converged — R warns). R's defaults:
 * 10 cycles and epsilon 1; an epsilon below 1 is relative to the sum of the starting weights.
 * Those defaults stop early by design: pass e.g. `{ epsilon: 1e-9, maxIterations: 100 }` for
 * weights that match every margin to rounding. `maxDiscrepancy` reports how close they came.
 *
 * @param input - The weights (default 1), the margins (each row's cell and the cells' population
 *   counts), and the stopping rule (`epsilon`, `maxIterations`).
 * @returns The calibrated weights, the cycles done, whether raking converged, and the margins' records.
 * @throws {@link SurveyError} `E_ARGUMENT` for a cell without a count, or a bad weight.
 *
 * @example
 * ```ts
 * import { rake } from "svyprop";
 *
 * const calibrated = rake({
 *   weights: [2, 2, 1, 1, 3, 3, 1, 1],
 *   margins: [
 *     { ids: ["m", "f", "m", "f", "m", "f", "m", "f"], population: { m: 10, f: 6 } },
 *     { ids: ["a", "a", "a", "a", "b", "b", "b", "b"], population: { a: 7, b: 9 } },
 *   ],
 * });
 * calibrated.converged; // → true
 * // Both margins now add up: m 2.9167 + 1.4583 + 4.2188 + 1.4063 = 10.
 * calibrated.weights; // → [2.9167, 1.75, 1.4583, 0.875, 4.2188, 2.5312, 1.4063, 0.8438]
 * ```
 */
export function rake(input: { weights?: NumericArray; margins: readonly RakeMargin[]; maxIterations?: number; epsilon?: number; names?: { weights?: string } }): CalibrationResult {
  if (input.margins.length === 0) throw argumentError("margins", "must hold at least one margin");
  const n = input.margins[0]!.ids.length;
  const w = checkWeights(input.weights ?? new Float64Array(n).fill(1), input.names?.weights ?? "weights");
  const margins = input.margins.map((m, k) => prepareMargin(m.ids, m.population, m.name ?? `margins[${k}]`, n));
  const totals = margins.map((m) => m.targets.reduce((a, b) => a + b, 0));
  for (let k = 1; k < totals.length; k++) {
    if (Math.abs(totals[k]! - totals[0]!) > 1e-9 * totals[0]!) {
      throw argumentError("margins", `must have the same population total (${totals[0]} and ${totals[k]})`);
    }
  }
  const maxIterations = input.maxIterations ?? 10;
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 1) throw argumentError("maxIterations", "must be a positive integer", maxIterations);
  const epsilonOption = input.epsilon ?? 1;
  if (!(epsilonOption > 0) || !Number.isFinite(epsilonOption)) throw argumentError("epsilon", "must be a positive number", epsilonOption);
  const epsilon = epsilonOption < 1 ? epsilonOption * w.reduce((a, b) => a + b, 0) : epsilonOption;

  const joint = jointCells(margins, n);
  let table = jointTable(w, joint);
  let iterations = 0;
  let converged = false;
  let records: CalibratedMargin[] = [];
  while (iterations < maxIterations) {
    iterations += 1;
    records = margins.map((m) => adjustMargin(w, m));
    const next = jointTable(w, joint);
    let delta = 0;
    for (let c = 0; c < next.length; c++) delta = Math.max(delta, Math.abs(next[c]! - table[c]!));
    table = next;
    if (delta < epsilon) {
      converged = true;
      break;
    }
  }
  const maxDiscrepancy = Math.max(...margins.map((m) => discrepancy(w, m)));
  return { kind: "rake", weights: w, iterations, converged, maxDiscrepancy, margins: records };
}

/** Index of each row's cell in the cross-classification of all margins (R's `svytable` of them). */
function jointCells(margins: readonly Margin[], n: number): { cells: Int32Array; count: number } {
  const index = new Map<string, number>();
  const cells = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = margins.map((m) => m.cells[i]).join(",");
    let c = index.get(key);
    if (c === undefined) index.set(key, (c = index.size));
    cells[i] = c;
  }
  return { cells, count: index.size };
}

function jointTable(w: Float64Array, joint: { cells: Int32Array; count: number }): Float64Array {
  const table = new Float64Array(joint.count);
  for (let i = 0; i < w.length; i++) table[joint.cells[i]!]! += w[i]!;
  return table;
}
