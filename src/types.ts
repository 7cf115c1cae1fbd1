/** Interval methods for one proportion: derived from `CI_METHODS` in `stats/proportionCI` (a type-only import). */
import type { CIMethod } from "./stats/proportionCI";

export type { CIMethod };

/** A point estimate with its confidence interval. */
export interface Interval {
  /** The point estimate (for a proportion, x/n). */
  estimate: number;
  /** The interval's lower limit. */
  lower: number;
  /** The interval's upper limit. */
  upper: number;
  /** The confidence level, e.g. 0.95. */
  level: number;
  /** The method that computed the interval, e.g. "wilson". */
  method: string;
}

/**
 * One row per (question, category, group): the central type of svyprop.
 * Every chart, table and JSON output is a pure function of `Estimate[]`.
 */
export interface Estimate {
  /** The question's id in the codebook. */
  question: string;
  /** The question as readers see it (its label, or a translation). */
  questionLabel: string;
  /** The category's code (`yes`, a level, an option's code). */
  category: string;
  /** The category as readers see it. */
  categoryLabel: string;
  /** Subgroup, e.g. `{ position: "resident" }`; absent for whole-sample rows. */
  group?: Record<string, string>;
  /** The subgroup as a reader names it ("Resident", "Interne"): its category labels joined with " · ". */
  groupLabel?: string;
  /** Numerator and denominator, unweighted. */
  count: number;
  /** Respondents who answered the question (and belong to the group), unweighted. */
  base: number;
  /** Σ of the weights of the respondents counted (weighted designs only). */
  weightedCount?: number;
  /** Σ of the weights of the base (weighted designs only). */
  weightedBase?: number;
  /** The estimated proportion: count/base, or weightedCount/weightedBase for a weighted design. */
  proportion: number;
  /** Lower limit of the confidence interval. */
  lower: number;
  /** Upper limit of the confidence interval. */
  upper: number;
  /** The confidence level, e.g. 0.95. */
  level: number;
  /** The interval's method: one of `CI_METHODS`, or a design-based one of R svyciprop (`logit`, `xlogit`, `beta`, `mean`, `asin`, `likelihood`). */
  method: CIMethod | string;
  /** Standard error of the proportion (design-based estimates only). */
  se?: number;
  /**
   * Design effect: the variance over that of a simple random sample of the same size drawn without
   * replacement from a population of Σw (R `deff = TRUE`). Left out where R's is not a number: with
   * neither weights nor an fpc (R takes every weight as 1, so the sample is its own population: Inf),
   * with weights that sum to less than the base (rescaled weights: R's NA), and for a proportion of
   * 0 or 1 (0/0: NaN).
   */
  deff?: number;
  /** Kish's effective sample size of the base's weights, (Σw)² / Σw² (Kish 1965, Survey Sampling, §11.7). */
  effectiveN?: number;
  /** Population size used for the finite-population correction, when one was applied. */
  populationSize?: number;
}
