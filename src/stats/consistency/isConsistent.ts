import { argumentError } from "../../errors";
import { type ConsistencyOptions, consistencyTarget, printsAs } from "./consistencyTarget";
import { requireCount } from "./requireCount";

/**
 * GRIM-style test (Brown & Heathers 2017, Soc Psychol Personal Sci 8:363–369, applied here to
 * proportions): can the count k out of n print as the given figure? Exact on rationals, so
 * 19/40 = 47.5 % prints as "48" half-up, and 5/477 as "1.05".
 *
 * @param k - The count, an integer from 0 to n.
 * @param n - The base, a positive integer.
 * @param printed - The printed percentage, e.g. "73 %" or "98.6".
 * @param options - How the paper rounded (default: half-up, or any rule when unknown).
 * @returns Whether k/n prints as `printed`.
 *
 * @example
 * ```ts
 * import { isConsistent } from "svyprop";
 *
 * isConsistent(147, 202, "73 %"); // → true
 * isConsistent(138, 147, "99"); // → false
 * // 138/147 is 93.9 %.
 * ```
 */
export function isConsistent(k: number, n: number, printed: string, options: ConsistencyOptions = {}): boolean {
  requireCount("k", k);
  requireCount("n", n, { positive: true });
  if (k > n) throw argumentError("k", `must not exceed n (${n})`, k);
  return printsAs(k, n, consistencyTarget(printed, options));
}
