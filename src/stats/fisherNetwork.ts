import { argumentError } from "../errors";
import { EXACT_TIE_TOLERANCE } from "./alternative";
import type { Margins } from "./contingencyTable";

/**
 * Work budget of the exact r × c test: column fillings visited plus paths expanded, some 10⁷ a
 * few seconds. R's example 4 × 4 of 104 answers takes about 10⁵, a 3 × 4 of 325 answers
 * 2·10⁶, a 4 × 5 of 93 answers (beyond R's default workspace) 7·10⁶.
 */
export const FISHER_EXACT_WORK_LIMIT = 20_000_000;

/**
 * Two-sided exact p-value of an r × c table: the probability, under independence given both
 * margins, of every table no more probable than the observed one (within a relative 1e-7, as R),
 * where P(T) = Π R_i! Π C_j! / (N! Π n_ij!).
 *
 * The network algorithm of Mehta & Patel (1983, JASA 78:427–434; 1986, ACM TOMS 12:154–161),
 * which R's FEXACT implements: the table is filled one column at a time (the longer side of the
 * table being the columns, smallest total first); a node of stage k is the multiset of row totals still to fill after
 * k columns (rows are exchangeable, so it is kept sorted), and a path to it carries its "past"
 * Σ −log n_ij! (paths with equal past values are merged, with their multiplicity). At every node
 * bounds on the longest and shortest remaining path decide the whole subtree at once: if even the
 * most probable completion is no more probable than the observed table, every completion counts,
 * and their total is closed-form (Σ over completions of Π 1/n_ij! = M! / (Π r_i! Π C_j!)); if
 * even the least probable one is more probable, none does; otherwise the node is expanded.
 * The bounds relax the table to one margin at a time: with only the column totals and caps
 * n_ij ≤ r_i, the most even filling of each column maximises Σ −log n_ij! (it is concave) and
 * the most concentrated one minimises it, and likewise by rows; the tighter of the two is kept.
 *
 * Throws E_ARGUMENT when the network needs more than `workLimit` steps.
 */
export function networkPValue(table: readonly (readonly number[])[], margins: Margins, workLimit = FISHER_EXACT_WORK_LIMIT): number {
  const transposed = margins.rowTotals.length > margins.columnTotals.length;
  const rowTotals = transposed ? margins.columnTotals : margins.rowTotals;
  const columnTotals = [...(transposed ? margins.rowTotals : margins.columnTotals)].sort((a, b) => a - b); // fewer paths than descending
  const { total } = margins;
  const logFactorial = logFactorials(total);
  const lf = (k: number): number => logFactorial[k] as number;
  const logConstant = rowTotals.reduce((s, r) => s + lf(r), 0) + columnTotals.reduce((s, c) => s + lf(c), 0) - lf(total);
  const observedPast = -table.flat().reduce((s, n) => s + lf(n), 0);
  // a table counts when logConstant + past ≤ log(P_obs · (1 + 1e-7))
  const threshold = observedPast + Math.log(EXACT_TIE_TOLERANCE);
  const stages = columnTotals.length;
  const boundsOf = nodeBounds(columnTotals, lf);

  let pValue = 0;
  let work = 0;
  const spend = (steps: number): void => {
    work += steps;
    if (work > workLimit) {
      throw argumentError(
        "table",
        `needs more than ${workLimit} steps of the exact network algorithm (the work limit; total ${total}): raise workLimit, or use a Monte Carlo p-value (option simulatePValue; svyprop crosstab --simulate-p-value) or the chi-square test`,
      );
    }
  };
  let nodes = new Map<number | string, GrowingNode>();
  const keyOf = nodeKeyOf(total, rowTotals.length);
  const root = [...rowTotals].sort((a, b) => a - b);
  addPath(nodes, keyOf(root), root, 0, 1);
  for (let stage = 0; stage < stages - 1; stage += 1) {
    const next = new Map<number | string, GrowingNode>();
    for (const node of nodes.values()) {
      const { pasts, paths, weightPrefix, reference } = sortedPasts(node);
      forEachColumn(node.rows, columnTotals[stage] as number, lf, (child, logCells) => {
        spend(1);
        const key = keyOf(child);
        const bounds = boundsOf(stage + 1, key, child);
        // child past = past − logCells: every completion counts up to `counted`, some up to `expanded`
        const counted = countAtMost(pasts, threshold + logCells - bounds.longest);
        const expanded = countAtMost(pasts, threshold + logCells - bounds.shortest);
        pValue += (weightPrefix[counted] as number) * Math.exp(logConstant + reference - logCells + bounds.logTotal);
        spend(expanded - counted);
        for (let i = counted; i < expanded; i += 1) addPath(next, key, child, (pasts[i] as number) - logCells, paths[i] as number);
      });
    }
    nodes = next;
  }
  return Math.min(1, pValue);
}

/** A node being reached: its remaining rows and past values Σ −log n_ij! (keyed to 1e-9, so sums of the same cells in another order merge) → number of paths. */
interface GrowingNode {
  rows: number[];
  past: Map<number, { past: number; paths: number }>;
}

function addPath(nodes: Map<number | string, GrowingNode>, key: number | string, rows: readonly number[], past: number, paths: number): void {
  let node = nodes.get(key);
  if (!node) {
    node = { rows: [...rows], past: new Map() };
    nodes.set(key, node);
  }
  const pastKey = Math.round(past * 1e9);
  const entry = node.past.get(pastKey);
  if (entry) entry.paths += paths;
  else node.past.set(pastKey, { past, paths });
}

/**
 * A node's past values in ascending order with their paths, and the prefix sums of
 * paths · exp(past − reference) (reference the largest past, so no term overflows; the ones that
 * underflow weigh less than 10⁻³⁰⁰ of a probability).
 */
function sortedPasts(node: GrowingNode): { pasts: Float64Array; paths: Float64Array; weightPrefix: Float64Array; reference: number } {
  const entries = [...node.past.values()].sort((a, b) => a.past - b.past);
  const reference = (entries[entries.length - 1] as { past: number }).past;
  const weightPrefix = new Float64Array(entries.length + 1);
  entries.forEach((e, i) => {
    weightPrefix[i + 1] = (weightPrefix[i] as number) + e.paths * Math.exp(e.past - reference);
  });
  return { pasts: Float64Array.from(entries, (e) => e.past), paths: Float64Array.from(entries, (e) => e.paths), weightPrefix, reference };
}

/** How many of the ascending `values` are ≤ `limit` (binary search). */
function countAtMost(values: Float64Array, limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** log k! for k = 0 … n. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 1; k <= n; k += 1) out[k] = (out[k - 1] as number) + Math.log(k);
  return out;
}

interface Bounds {
  /** An upper bound of Σ −log n_ij! over the completions (the most probable). */
  longest: number;
  /** A lower bound of it (the least probable). */
  shortest: number;
  /** log Σ over the completions of Π 1/n_ij! = log M! − Σ log r_i! − Σ log C_j!. */
  logTotal: number;
}

/** Bounds of a node (remaining rows, columns `stage` …), memoised by stage and rows. */
function nodeBounds(columnTotals: readonly number[], lf: (k: number) => number): (stage: number, key: number | string, rows: readonly number[]) => Bounds {
  const memo = columnTotals.map(() => new Map<number | string, Bounds>());
  return (stage, key, rows) => {
    const known = memo[stage]?.get(key);
    if (known) return known;
    const columns = columnTotals.slice(stage);
    const remaining = rows.reduce((a, b) => a + b, 0);
    const sumLf = (values: readonly number[]): number => values.reduce((s, v) => s + lf(v), 0);
    const byColumns = (fill: Filling) => columns.reduce((s, c) => s + fill(c, rows, lf), 0);
    const byRows = (fill: Filling) => rows.reduce((s, r) => s + fill(r, columns, lf), 0);
    const bounds: Bounds = {
      longest: Math.min(byColumns(evenFilling), byRows(evenFilling)),
      shortest: Math.max(byColumns(concentratedFilling), byRows(concentratedFilling)),
      logTotal: lf(remaining) - sumLf(rows) - sumLf(columns),
    };
    memo[stage]?.set(key, bounds);
    return bounds;
  };
}

/** −Σ log n_i! of a split of `total` into cells capped by `caps` (Σ caps ≥ total). */
type Filling = (total: number, caps: readonly number[], lf: (k: number) => number) => number;

/** The most even split (water-filling), which maximises −Σ log n_i! (−log n! is concave). */
const evenFilling: Filling = (total, caps, lf) => {
  const sorted = [...caps].sort((a, b) => a - b);
  let left = total;
  let value = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const cells = sorted.length - i;
    const cap = sorted[i] as number;
    if (cap * cells <= left) {
      value -= lf(cap);
      left -= cap;
      continue;
    }
    const share = Math.floor(left / cells);
    const larger = left - share * cells;
    return value - larger * lf(share + 1) - (cells - larger) * lf(share);
  }
  return value;
};

/** The most concentrated split (largest caps filled first), which minimises −Σ log n_i!. */
const concentratedFilling: Filling = (total, caps, lf) => {
  const sorted = [...caps].sort((a, b) => b - a);
  let left = total;
  let value = 0;
  for (const cap of sorted) {
    if (left === 0) break;
    const cell = Math.min(cap, left);
    value -= lf(cell);
    left -= cell;
  }
  return value;
};

/**
 * Calls `visit` with every way to fill a column of `columnTotal` under the remaining row totals
 * `rows`: the rows left after it, sorted ascending (a buffer reused between calls: copy it to
 * keep it), and Σ log n_i! of its cells.
 */
function forEachColumn(rows: readonly number[], columnTotal: number, lf: (k: number) => number, visit: (child: number[], logCells: number) => void): void {
  const k = rows.length;
  const cells = new Array<number>(k).fill(0);
  const child = new Array<number>(k).fill(0);
  const roomAfter = new Array<number>(k + 1).fill(0);
  for (let i = k - 1; i >= 0; i -= 1) roomAfter[i] = (roomAfter[i + 1] as number) + (rows[i] as number);
  const place = (i: number, left: number, logCells: number): void => {
    if (i === k - 1) {
      cells[i] = left;
      for (let j = 0; j < k; j += 1) child[j] = (rows[j] as number) - (cells[j] as number);
      sortSmall(child);
      visit(child, logCells + lf(left));
      return;
    }
    const from = Math.max(0, left - (roomAfter[i + 1] as number));
    const to = Math.min(left, rows[i] as number);
    for (let n = from; n <= to; n += 1) {
      cells[i] = n;
      place(i + 1, left - n, logCells + lf(n));
    }
  };
  if (columnTotal <= (roomAfter[0] as number)) place(0, columnTotal, 0);
}

/** Insertion sort, ascending: the rows of a node are few. */
function sortSmall(values: number[]): void {
  for (let i = 1; i < values.length; i += 1) {
    const value = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > value) {
      values[j + 1] = values[j] as number;
      j -= 1;
    }
    values[j + 1] = value;
  }
}

/**
 * A node's key: its sorted rows as the digits of one number in base total + 1 when that number is
 * exact (below 2⁵³), else as text.
 */
function nodeKeyOf(total: number, width: number): (rows: readonly number[]) => number | string {
  const base = total + 1;
  if (width * Math.log2(base) >= 53) return (rows) => rows.join(",");
  return (rows) => {
    let key = 0;
    for (let i = rows.length - 1; i >= 0; i -= 1) key = key * base + (rows[i] as number);
    return key;
  };
}
