import type { RoundingRule } from "../roundRatio";
import { type ConsistencyOptions, type ConsistencyTarget, consistencyTarget, printedUnits } from "./consistencyTarget";
import { argumentError } from "../../errors";
import { firstInteger } from "../firstInteger";
import { type IntegerRun, expandRuns } from "./integerRuns";
import { requireCount } from "./requireCount";

/**
 * Every count k (0 ≤ k ≤ n) whose k/n prints as the figure, in increasing order; empty when the
 * figure is impossible over n (the GRIM test of Brown & Heathers 2017, Soc Psychol Personal Sci
 * 8:363–369). Found by bisection, so this is fast for any n.
 *
 * @param printed - The printed percentage, e.g. "61" or "60.5 %".
 * @param n - The base, a positive integer.
 * @param options - How the paper rounded.
 * @returns The counts k, increasing (empty when the figure is impossible over n).
 *
 * @example
 * ```ts
 * import { numeratorsFor } from "svyprop";
 *
 * numeratorsFor("61", 147); // → [89, 90]
 * ```
 */
export function numeratorsFor(printed: string, n: number, options: ConsistencyOptions = {}): number[] {
  requireCount("n", n, { positive: true });
  return numeratorsOf(consistencyTarget(printed, options), n);
}

/** `numeratorsFor` on an already resolved target (internal: loops over n reuse one target). */
function numeratorsOf(target: ConsistencyTarget, n: number): number[] {
  const run = numeratorRunOf(target, n);
  if (run !== undefined && run.to - run.from >= MAX_LISTED) {
    throw argumentError("n", `lets ${run.to - run.from + 1} counts print as the figure, too many to list; use numeratorRange`, n);
  }
  return expandRuns(run === undefined ? [] : [run]);
}

/** The most numbers `numeratorsFor` lists; `numeratorRange` gives any set as its ends. */
const MAX_LISTED = 1_000_000;

/**
 * The counts k (0 ≤ k ≤ n) whose k/n prints as the figure, as their first and last: rounding is
 * monotone in k and the rules' intervals around the figure overlap, so they are consecutive.
 * Two bisections, so this is instant for any n (10¹⁵ included).
 *
 * @param printed - The printed percentage.
 * @param n - The base, a positive integer (up to 2⁵³).
 * @param options - How the paper rounded.
 * @returns The first and last count that print as the figure, or undefined when none does.
 *
 * @example
 * ```ts
 * import { numeratorRange } from "svyprop";
 *
 * numeratorRange("50", 1e15); // → { from: 495000000000000, to: 504999999999999 }
 * ```
 */
export function numeratorRange(printed: string, n: number, options: ConsistencyOptions = {}): IntegerRun | undefined {
  requireCount("n", n, { positive: true });
  return numeratorRunOf(consistencyTarget(printed, options), n);
}

/** `numeratorRange` on a resolved target (internal). */
export function numeratorRunOf(target: ConsistencyTarget, n: number): IntegerRun | undefined {
  const runs = target.rules.flatMap((rule) => {
    const from = firstReaching(target, n, rule);
    if (from > n || printedUnits(from, n, target, rule) !== target.units) return [];
    const to = firstInteger((k) => printedUnits(k, n, target, rule) > target.units, from, n) - 1;
    return [{ from, to }];
  });
  if (runs.length === 0) return undefined;
  return { from: Math.min(...runs.map((run) => run.from)), to: Math.max(...runs.map((run) => run.to)) };
}

/** The smallest k ≤ n whose k/n prints as the target under one of its rules, if any. */
export function lowestNumerator(target: ConsistencyTarget, n: number): number | undefined {
  return numeratorRunOf(target, n)?.from;
}

/** Bisection for the smallest k in 0…n whose printed k/n is at least the target (n + 1 if none). */
function firstReaching(target: ConsistencyTarget, n: number, rule: RoundingRule): number {
  let low = 0;
  let high = n + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (printedUnits(middle, n, target, rule) >= target.units) high = middle;
    else low = middle + 1;
  }
  return low;
}
