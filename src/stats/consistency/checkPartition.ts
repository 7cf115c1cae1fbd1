import { argumentError } from "../../errors";
import type { ConsistencyOptions } from "./consistencyTarget";
import { isConsistent } from "./isConsistent";
import { requireCount } from "./requireCount";

/** One category of a single-choice question: its count, and its printed percentage if any. */
export interface PartitionCategory {
  /** The category's count. */
  count: number;
  /** Its printed percentage, when one was printed. */
  printed?: string;
  /** Whether count/base prints as `printed`; absent when nothing was printed. */
  fitsBase?: boolean;
  /** Whether count/sum prints as `printed`; absent when nothing was printed or the sum is 0. */
  fitsSum?: boolean;
}

/** Do the categories of one single-choice question add up to its base, and which base do the percentages use? */
export interface PartitionCheck {
  /** The categories' counts added up. */
  sum: number;
  /** The base the question was printed with. */
  base: number;
  /** Whether `sum` equals `base`. */
  sumsToBase: boolean;
  /** Each category's count, printed figure and fits. */
  categories: PartitionCategory[];
  /** Every printed percentage fits count/base; absent when none was printed. */
  printedFitBase?: boolean;
  /** Every printed percentage fits count/sum; absent when none was printed or the sum is 0. */
  printedFitSum?: boolean;
}

/**
 * Multinomial consistency of a single-choice question: its counts should sum to the printed base,
 * and each printed percentage should be count/base. When the counts do not sum to the base, the
 * percentages are also tried over the sum, which tells which base the authors actually divided by.
 * Chretien et al. (JAMA 2009;302:1309) print 6/47 (13 %), 36/47 (78 %), 3/47 (7 %), 1/47 (2 %):
 * the counts sum to 46 and every percentage fits /46, while 78 % and 7 % do not fit /47.
 *
 * @param counts - The count of each category.
 * @param base - The printed base.
 * @param printed - Each category's printed percentage, where printed.
 * @param options - How the paper rounded.
 * @returns The sum, whether it is the base, and which base each printed percentage fits.
 * @throws {@link SurveyError} `E_ARGUMENT` for invalid counts, base or figures.
 *
 * @example
 * ```ts
 * import { checkPartition } from "svyprop";
 *
 * // Chretien et al. (JAMA 2009): 6, 36, 3 and 1 of 47 printed 13 %, 78 %, 7 %, 2 %.
 * checkPartition([6, 36, 3, 1], 47, ["13", "78", "7", "2"]);
 * // → { sum: 46, sumsToBase: false, printedFitBase: false, printedFitSum: true }
 * ```
 */
export function checkPartition(
  counts: readonly number[],
  base: number,
  printed?: readonly (string | undefined)[],
  options: ConsistencyOptions = {},
): PartitionCheck {
  if (!Array.isArray(counts) || counts.length === 0) throw argumentError("counts", "must be a non-empty array of counts", counts);
  counts.forEach((count, index) => requireCount(`counts[${index}]`, count));
  requireCount("base", base, { positive: true });
  if (printed !== undefined && (!Array.isArray(printed) || printed.length !== counts.length)) {
    throw argumentError("printed", `must have one entry per count (${counts.length})`, printed);
  }
  const sum = counts.reduce((total, count) => total + count, 0);
  const fits = (count: number, n: number, text: string) => count <= n && isConsistent(count, n, text, options);
  const categories = counts.map((count, index): PartitionCategory => {
    const text = printed?.[index];
    if (text === undefined) return { count };
    const category: PartitionCategory = { count, printed: text, fitsBase: fits(count, base, text) };
    if (sum > 0) category.fitsSum = fits(count, sum, text);
    return category;
  });
  const check: PartitionCheck = { sum, base, sumsToBase: sum === base, categories };
  const withText = categories.filter((category) => category.printed !== undefined);
  if (withText.length > 0) {
    check.printedFitBase = withText.every((category) => category.fitsBase);
    if (sum > 0) check.printedFitSum = withText.every((category) => category.fitsSum);
  }
  return check;
}
