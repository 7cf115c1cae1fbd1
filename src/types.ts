/** Interval methods for one proportion: derived from `CI_METHODS` in `stats/proportionCI` (a type-only import). */
import type { CIMethod } from "./stats/proportionCI";

export type { CIMethod };

/** A point estimate with its confidence interval. */
export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  method: string;
}

/**
 * One row per (question, category, group): the central type of svyprop.
 * Every chart, table and JSON output is a pure function of `Estimate[]`.
 */
export interface Estimate {
  question: string;
  questionLabel: string;
  category: string;
  categoryLabel: string;
  /** Subgroup, e.g. `{ position: "resident" }`; absent for whole-sample rows. */
  group?: Record<string, string>;
  /** The subgroup as a reader names it ("Resident", "Interne"): its category labels joined with " · ". */
  groupLabel?: string;
  /** Numerator and denominator, unweighted. */
  count: number;
  base: number;
  weightedCount?: number;
  weightedBase?: number;
  proportion: number;
  lower: number;
  upper: number;
  level: number;
  method: CIMethod | string;
  se?: number;
  deff?: number;
  effectiveN?: number;
  /** Population size used for the finite-population correction, when one was applied. */
  populationSize?: number;
}
