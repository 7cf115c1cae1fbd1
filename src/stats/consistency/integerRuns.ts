/** Consecutive whole numbers from `from` to `to`, both included: how large sets of counts or bases are kept and printed. */
export interface IntegerRun {
  /** The first number of the run. */
  from: number;
  /** The last number of the run (≥ `from`). */
  to: number;
}

/** How many numbers the runs hold. */
export function runsSize(runs: readonly IntegerRun[]): number {
  return runs.reduce((size, run) => size + run.to - run.from + 1, 0);
}

/** Every number of the runs, increasing (for sets known to be small). */
export function expandRuns(runs: readonly IntegerRun[]): number[] {
  return runs.flatMap(({ from, to }) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** Adds n (at least the last number added) to increasing runs, extending the last run when n follows it. */
export function appendToRuns(runs: IntegerRun[], from: number, to = from): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && from <= last.to + 1) last.to = Math.max(last.to, to);
  else runs.push({ from, to });
}
