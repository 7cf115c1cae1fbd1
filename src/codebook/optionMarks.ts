/**
 * How a one-column-per-option multi-select marks an option: 1/0, true/false, yes/no, x, the
 * Y of LimeSurvey answer codes, the Checked/Unchecked of REDCap label exports, oui/non.
 * Compared after trimming, case-insensitively; an empty cell is "not chosen".
 */
const CHOSEN = new Set(["1", "true", "yes", "y", "x", "checked", "oui"]);
const NOT_CHOSEN = new Set(["0", "false", "no", "n", "", "unchecked", "non"]);

/** What a cell of a one-column-per-option multi-select says: the option was chosen, or not. */
export type OptionMark = "chosen" | "notChosen";

/**
 * The mark a cell holds, or undefined for a value that is no option mark.
 *
 * @param raw - The cell, as in the CSV.
 * @returns "chosen" (1, true, yes, y, x, checked, oui), "notChosen" (0, false, no, n, empty,
 *   unchecked, non), or undefined; case and surrounding spaces ignored.
 *
 * @example
 * ```ts
 * import { readOptionMark } from "svyprop";
 *
 * [readOptionMark("X"), readOptionMark("0"), readOptionMark("maybe")]; // → ["chosen", "notChosen", undefined]
 * ```
 */
export function readOptionMark(raw: string): OptionMark | undefined {
  const value = raw.trim().toLowerCase();
  if (CHOSEN.has(value)) return "chosen";
  if (NOT_CHOSEN.has(value)) return "notChosen";
  return undefined;
}
