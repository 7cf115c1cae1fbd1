import { setFlagsFromString } from "node:v8";

let active = 0;

/**
 * Runs `work` with V8's optimizing compiler (TurboFan) turned off, process-wide, and turns it back
 * on when the last such work ends (Node only). Drawing a report's charts runs a great deal of Vega
 * code a few times each: TurboFan compiles it on background threads for gains the work ends
 * before it collects (one thread drawing the bench report's 20 charts: 0.93 s of CPU with it,
 * 0.59 s without, in less wall time), and on a machine whose cores are all busy those background
 * compiles take CPU from the drawing itself. Code already optimized (a file's tally) stays
 * optimized; interpreted and baseline code computes the same values, so the output is unchanged.
 * A process started without TurboFan (`--no-opt`, `--no-turbofan`, `--jitless`) is left as it is.
 */
export async function withoutOptimizingCompiler<T>(work: () => Promise<T>): Promise<T> {
  if (startedWithoutTurbofan()) return work();
  if (active++ === 0) setFlagsFromString("--no-turbofan");
  try {
    return await work();
  } finally {
    if (--active === 0) setFlagsFromString("--turbofan");
  }
}

function startedWithoutTurbofan(): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].some((flag) => /^--(?:no-opt|no-turbofan|jitless)$/.test(flag));
}
