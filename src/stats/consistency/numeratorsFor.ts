import { type ConsistencyOptions, type ConsistencyTarget, consistencyTarget, printsAs } from "./consistencyTarget";
import { requireCount } from "./requireCount";

/**
 * Every count k (0 ≤ k ≤ n) whose k/n prints as the figure, in increasing order; empty when the
 * figure is impossible over n (the GRIM test of Brown & Heathers 2017, Soc Psychol Personal Sci
 * 8:363–369). Only the k within one printed unit of the figure are tried, so this is fast for any n.
 *
 * @example numeratorsFor("61", 147) // [89, 90]
 */
export function numeratorsFor(printed: string, n: number, options: ConsistencyOptions = {}): number[] {
  requireCount("n", n, { positive: true });
  return numeratorsOf(consistencyTarget(printed, options), n);
}

/** `numeratorsFor` on an already resolved target (internal: loops over n reuse one target). */
export function numeratorsOf(target: ConsistencyTarget, n: number): number[] {
  const perUnit = BigInt(target.scale) * 10n ** BigInt(target.decimals);
  const bigN = BigInt(n);
  // Any rounding rule leaves |k/n × scale − printed| < one printed unit.
  const lowest = Math.max(0, Number(((target.units - 1n) * bigN) / perUnit));
  const highest = Math.min(n, Number(((target.units + 1n) * bigN + perUnit - 1n) / perUnit));
  const numerators: number[] = [];
  for (let k = lowest; k <= highest; k++) if (printsAs(k, n, target)) numerators.push(k);
  return numerators;
}
