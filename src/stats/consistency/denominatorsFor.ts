import { firstInteger } from "../firstInteger";
import { type ConsistencyOptions, type ConsistencyTarget, consistencyTarget, printedUnits } from "./consistencyTarget";
import { type DenominatorRange, resolveDenominatorRange } from "./denominatorRange";
import { fitsDenominator } from "./fitsDenominator";
import { type IntegerRun, appendToRuns, expandRuns } from "./integerRuns";
import { requireCount } from "./requireCount";

/**
 * Every denominator n in the range (and n ≥ k) over which the count k prints as the figure, in
 * increasing order: the bases a paper could have used when it printed "138 (99 %)" without one
 * (GRIM, Brown & Heathers 2017, Soc Psychol Personal Sci 8:363–369).
 *
 * @param printed - The printed percentage, e.g. "99", "99 %" or "98.6".
 * @param k - The count printed beside it.
 * @param options - The range of bases to try (`min`, `max`), and how the paper rounded.
 * @returns Every base n in [min, max] over which k prints as the figure, increasing.
 *
 * @example
 * ```ts
 * import { denominatorsFor } from "svyprop";
 *
 * denominatorsFor("99", 138, { min: 138, max: 147 }); // → [139, 140]
 * ```
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
function denominatorsOf(target: ConsistencyTarget, range: { min: number; max: number }, count?: number): number[] {
  return expandRuns(denominatorRunsOf(target, range, count));
}

/**
 * The same denominators as runs of consecutive n, found without trying every n.
 * With a count k: k/n prints as a value that never rises as n grows, so the n that print as the
 * figure under one rule are one run, whose ends two bisections find (each n tried is checked
 * exactly, by `printsAs`); the rules' runs overlap, so their union is one run too.
 * Without a count: below n = scale × 10^decimals each n is tried (a bisection over k); from there
 * on a window of k/n one printed unit wide always holds a whole k, so every n fits if the figure
 * is at most the scale (100 %), and none does otherwise.
 */
export function denominatorRunsOf(target: ConsistencyTarget, range: { min: number; max: number }, count?: number): IntegerRun[] {
  const min = Math.max(range.min, count ?? 0, 1);
  const max = range.max;
  if (min > max) return [];
  if (count !== undefined) {
    const runs = target.rules.flatMap((rule) => {
      const from = firstInteger((n) => printedUnits(count, n, target, rule) <= target.units, min, max);
      const end = firstInteger((n) => printedUnits(count, n, target, rule) < target.units, from, max);
      return from < end ? [{ from, to: end - 1 }] : [];
    });
    return runs.length === 0 ? [] : [{ from: Math.min(...runs.map((run) => run.from)), to: Math.max(...runs.map((run) => run.to)) }];
  }
  const everyCountFits = target.scale * 10 ** target.decimals;
  const runs: IntegerRun[] = [];
  for (let n = min; n <= Math.min(max, everyCountFits - 1); n++) {
    if (fitsDenominator(target, n)) appendToRuns(runs, n);
  }
  if (max >= everyCountFits && target.units <= BigInt(everyCountFits)) appendToRuns(runs, Math.max(min, everyCountFits), max);
  return runs;
}
