import { SurveyError, argumentError } from "../../errors";
import type { Id, NumericArray } from "./designTally";

/** Known population counts of a post-stratification variable's cells: id → N_c. */
export type PopulationCounts = ReadonlyMap<Id, number> | Readonly<Record<string, number>>;

export interface CalibrationResult {
  /** The calibrated weights, one per row. */
  weights: Float64Array;
  /** Full raking cycles done (1 for post-stratification). */
  iterations: number;
  converged: boolean;
  /** Largest |Σ_{i∈c} w_i − N_c| over every cell of every margin at the end. */
  maxDiscrepancy: number;
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

/** Multiplies each cell's weights by N_c/Σ_{i∈c} w_i (in place); returns the largest discrepancy before. */
function adjustMargin(w: Float64Array, m: Margin): number {
  const sums = new Float64Array(m.targets.length);
  for (let i = 0; i < w.length; i++) sums[m.cells[i]!]! += w[i]!;
  let worst = 0;
  for (let c = 0; c < sums.length; c++) {
    if (!(sums[c]! > 0)) throw argumentError(m.name, `cell "${m.labels[c]}" has zero total weight and cannot be calibrated`);
    worst = Math.max(worst, Math.abs(sums[c]! - m.targets[c]!));
  }
  for (let i = 0; i < w.length; i++) w[i]! *= m.targets[m.cells[i]!]! / sums[m.cells[i]!]!;
  return worst;
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
 */
export function postStratify(input: { weights?: NumericArray; postStrata: readonly Id[]; population: PopulationCounts; names?: { weights?: string; postStrata?: string } }): CalibrationResult {
  const n = input.postStrata.length;
  const w = checkWeights(input.weights ?? new Float64Array(n).fill(1), input.names?.weights ?? "weights");
  const margin = prepareMargin(input.postStrata, input.population, input.names?.postStrata ?? "postStrata", n);
  adjustMargin(w, margin);
  return { weights: w, iterations: 1, converged: true, maxDiscrepancy: discrepancy(w, margin) };
}

export interface RakeMargin {
  ids: readonly Id[];
  population: PopulationCounts;
  name?: string;
}

/**
 * Raking (iterative proportional fitting, Deming & Stephan 1940; Deville & Särndal 1992 raking
 * ratio; R `rake`): post-stratifies on each margin in turn until, after a full cycle, no margin
 * total is further than `epsilon` from its population count, or `maxIterations` cycles are done.
 * Convergence is reported, never assumed. Defaults: maxIterations 100, epsilon 1e-8 × Σ N_c.
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
  const maxIterations = input.maxIterations ?? 100;
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 1) throw argumentError("maxIterations", "must be a positive integer", maxIterations);
  const epsilon = input.epsilon ?? 1e-8 * totals[0]!;
  if (!(epsilon > 0)) throw argumentError("epsilon", "must be positive", epsilon);
  let iterations = 0;
  let worst = Number.POSITIVE_INFINITY;
  while (iterations < maxIterations) {
    iterations += 1;
    for (const m of margins) adjustMargin(w, m);
    worst = Math.max(...margins.map((m) => discrepancy(w, m)));
    if (worst <= epsilon) break;
  }
  return { weights: w, iterations, converged: worst <= epsilon, maxDiscrepancy: worst };
}
