import type { RoundingRule } from "../roundRatio";
import { type ConsistencyOptions, type ConsistencyTarget, consistencyTarget, printedUnits, printsAs } from "./consistencyTarget";
import { requireCount } from "./requireCount";

/**
 * Every count k (0 ≤ k ≤ n) whose k/n prints as the figure, in increasing order; empty when the
 * figure is impossible over n (the GRIM test of Brown & Heathers 2017, Soc Psychol Personal Sci
 * 8:363–369). Found by bisection, so this is fast for any n.
 *
 * @example numeratorsFor("61", 147) // [89, 90]
 */
export function numeratorsFor(printed: string, n: number, options: ConsistencyOptions = {}): number[] {
  requireCount("n", n, { positive: true });
  return numeratorsOf(consistencyTarget(printed, options), n);
}

/** `numeratorsFor` on an already resolved target (internal: loops over n reuse one target). */
export function numeratorsOf(target: ConsistencyTarget, n: number): number[] {
  const numerators: number[] = [];
  const lowest = lowestNumerator(target, n);
  if (lowest === undefined) return numerators;
  // Rounding is monotone in k, and the rules' intervals around the figure overlap, so the
  // counts that print as it are consecutive.
  for (let k = lowest; k <= n && printsAs(k, n, target); k++) numerators.push(k);
  return numerators;
}

/** The smallest k ≤ n whose k/n prints as the target under one of its rules, if any. */
export function lowestNumerator(target: ConsistencyTarget, n: number): number | undefined {
  const starts = target.rules.flatMap((rule) => {
    const k = firstReaching(target, n, rule);
    return k <= n && printedUnits(k, n, target, rule) === target.units ? [k] : [];
  });
  return starts.length > 0 ? Math.min(...starts) : undefined;
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
