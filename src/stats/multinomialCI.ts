import type { Interval } from "../types";
import { argumentError } from "../errors";
import { goodmanLimits } from "./goodman";
import { clipToUnit } from "./limits";
import { sisonGlazLimits } from "./sisonGlaz";
import { assertCount, assertLevel, assertOneOf } from "./validate";

/** The simultaneous interval methods for the shares of a multinomial. */
export const MULTINOMIAL_METHODS = ["goodman", "sison-glaz"] as const;
/** One of `MULTINOMIAL_METHODS`. */
export type MultinomialMethod = (typeof MULTINOMIAL_METHODS)[number];

/** Options of `multinomialCI`. */
export interface MultinomialCIOptions {
  /** Default "sison-glaz". */
  method?: MultinomialMethod;
  /** Simultaneous confidence level in (0, 1); default 0.95. */
  level?: number;
}

/**
 * Simultaneous confidence intervals for the k ≥ 2 cell proportions of a multinomial count
 * vector, one Interval per cell in input order: "sison-glaz" (default; Sison & Glaz 1995) or
 * "goodman" (Goodman 1965, Technometrics 7:247–254), each as statsmodels
 * `multinomial_proportions_confint` (Sison & Glaz 1995, JASA 90:366–369).
 *
 * @param counts - The count of each category (k ≥ 2 non-negative integers, not all 0).
 * @param options - The method (default "sison-glaz") and the simultaneous level (default 0.95).
 * @returns One interval per category, in input order, that hold together at the level.
 * @throws {@link SurveyError} `E_ARGUMENT` for invalid counts, level or method.
 *
 * @example
 * ```ts
 * import { multinomialCI } from "svyprop";
 *
 * // Would refuse / case by case / would accept a patient's friend request (n = 178).
 * multinomialCI([54, 88, 36]);
 * // → [{ estimate: 0.3034, lower: 0.2303, upper: 0.3848 },
 * //    { estimate: 0.4944, lower: 0.4213, upper: 0.5758 },
 * //    { estimate: 0.2022, lower: 0.1292, upper: 0.2837 }]
 * ```
 */
export function multinomialCI(counts: readonly number[], options: MultinomialCIOptions = {}): Interval[] {
  const { method = "sison-glaz", level = 0.95 } = options;
  if (!Array.isArray(counts) || counts.length < 2) throw argumentError("counts", "must hold at least 2 cells", counts?.length);
  counts.forEach((count, i) => assertCount(`counts[${i}]`, count));
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) throw argumentError("counts", "must not all be 0", total);
  assertLevel(level);
  assertOneOf("method", method, MULTINOMIAL_METHODS);
  const limits = method === "goodman" ? goodmanLimits(counts, level) : sisonGlazLimits(counts, level);
  return limits.map((cell, i) => ({ estimate: (counts[i] as number) / total, ...clipToUnit(cell), level, method }));
}
