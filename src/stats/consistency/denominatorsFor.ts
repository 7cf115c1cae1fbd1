import { type ConsistencyOptions, type ConsistencyTarget, consistencyTarget } from "./consistencyTarget";
import { type DenominatorRange, resolveDenominatorRange } from "./denominatorRange";
import { fitsDenominator } from "./fitsDenominator";
import { requireCount } from "./requireCount";

/**
 * Every denominator n in the range (and n ≥ k) over which the count k prints as the figure, in
 * increasing order: the bases a paper could have used when it printed "138 (99 %)" without one
 * (GRIM, Brown & Heathers 2017, Soc Psychol Personal Sci 8:363–369).
 *
 * @example denominatorsFor("99", 138, { min: 138, max: 147 }) // [139, 140]
 */
export function denominatorsFor(
  printed: string,
  k: number,
  options: DenominatorRange & ConsistencyOptions,
): number[] {
  requireCount("k", k);
  const target = consistencyTarget(printed, options);
  return denominatorsOf(target, resolveDenominatorRange(options, k), k);
}

/**
 * `denominatorsFor` on a resolved target and validated range (internal); without a count, the n
 * over which some whole count prints as the figure.
 */
export function denominatorsOf(target: ConsistencyTarget, range: { min: number; max: number }, count?: number): number[] {
  const denominators: number[] = [];
  for (let n = Math.max(range.min, count ?? 0); n <= range.max; n++) {
    if (fitsDenominator(target, n, count)) denominators.push(n);
  }
  return denominators;
}
