import { argumentError } from "../../errors";
import { type ConsistencyOptions, consistencyTarget } from "./consistencyTarget";
import { type DenominatorRange, resolveDenominatorRange } from "./denominatorRange";
import { requireCount } from "./requireCount";
import { fitsDenominator } from "./fitsDenominator";

/** One printed percentage, with its count when the source printed one ("138 (99 %)"). */
export interface PrintedShare {
  /** The percentage as printed, e.g. "99". */
  printed: string;
  /** The count printed beside it, if any. */
  count?: number;
}

/** The denominators that explain a set of figures printed over one (unstated) base. */
export interface CommonDenominators {
  /** Every n in the range over which all figures print as published, increasing. */
  all: number[];
  /**
   * Every n over which all figures but one print as published, increasing, with `misfit`, the
   * index (in the figures given) of the one that does not. Empty for fewer than two figures.
   */
  allButOne: {
    /** The denominator. */
    n: number;
    /** Index (in the figures given) of the one figure that does not fit it. */
    misfit: number;
  }[];
}

/**
 * The denominators n that make several figures jointly consistent: a figure with a count fits n
 * when count/n prints as it (GRIM, Brown & Heathers 2017, Soc Psychol Personal Sci 8:363–369);
 * one without a count fits n when some whole count does. Moubarak's five profile items
 * (138 (99 %), 136 (97 %), 128 (91 %), 83 (59 %), 76 (55 %)) share no n in 76–147, and only 140
 * fits four of them: 76/140 prints 54 %, not 55 %.
 *
 * @param figures - The printed percentages, with their counts where printed.
 * @param options - The range of denominators (`min`, `max`) and how the paper rounded.
 * @returns The denominators that fit every figure, and those that fit all but one.
 * @throws {@link SurveyError} `E_ARGUMENT` for no figure, a bad figure or a bad range.
 *
 * @example
 * ```ts
 * import { commonDenominators } from "svyprop";
 *
 * const profile = [
 *   { printed: "99", count: 138 }, { printed: "97", count: 136 }, { printed: "91", count: 128 },
 *   { printed: "59", count: 83 }, { printed: "55", count: 76 },
 * ];
 * commonDenominators(profile, { min: 76, max: 147 }); // → { all: [], allButOne: [{ n: 140, misfit: 4 }] }
 * ```
 */
export function commonDenominators(
  figures: readonly PrintedShare[],
  options: DenominatorRange & ConsistencyOptions,
): CommonDenominators {
  if (!Array.isArray(figures) || figures.length === 0) {
    throw argumentError("figures", "must be a non-empty array of { printed, count? }", figures);
  }
  const checks = figures.map((figure, index) => {
    if (figure.count !== undefined) requireCount(`figures[${index}].count`, figure.count);
    return { count: figure.count, target: consistencyTarget(figure.printed, options, `figures[${index}].printed`) };
  });
  // No floor at the largest count: an n below it can still fit all figures but that one.
  const { min, max } = resolveDenominatorRange(options, 1);
  const all: number[] = [];
  const allButOne: CommonDenominators["allButOne"] = [];
  for (let n = min; n <= max; n++) {
    const misfits = checks.flatMap(({ count, target }, index) => (fitsDenominator(target, n, count) ? [] : [index]));
    if (misfits.length === 0) all.push(n);
    if (misfits.length === 1 && checks.length > 1) allButOne.push({ n, misfit: misfits[0] as number });
  }
  return { all, allButOne };
}
