import { type ConsistencyOptions, consistencyTarget, printsAs } from "./consistencyTarget";
import { type DenominatorRange, resolveDenominatorRange } from "./denominatorRange";
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
  const { min, max } = resolveDenominatorRange(options, k);
  const denominators: number[] = [];
  for (let n = min; n <= max; n++) if (printsAs(k, n, target)) denominators.push(n);
  return denominators;
}
