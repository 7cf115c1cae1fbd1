import { SurveyError } from "../errors";
import type { Tally } from "./types";

/**
 * Adds two tallies of the same question (and grouping) — from two chunks of a file, two
 * workers, or two engines. Categories and groups must match, code for code.
 *
 * @param a - A tally.
 * @param b - A tally of the same question, categories and groups.
 * @returns A new tally whose counts, bases and ungrouped respondents are the sums.
 * @throws {@link SurveyError} `E_ARGUMENT` when the questions, categories or groups differ.
 *
 * @example
 * ```ts
 * import { mergeTallies, tallyFromCounts } from "svyprop";
 *
 * const codebook = { questions: [{ id: "q", column: "q", type: "binary" as const, positive: ["y"], negative: ["n"] }] };
 * const first = tallyFromCounts([{ question: "q", value: "y", count: 3 }, { question: "q", value: "n", count: 1 }], codebook);
 * const second = tallyFromCounts([{ question: "q", value: "y", count: 2 }], codebook);
 * mergeTallies(first.tallies.get("q")!, second.tallies.get("q")!).counts; // → [5, 1]
 * ```
 */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const sameShape =
    a.question === b.question &&
    sameCodes(a.categories, b.categories) &&
    a.by?.question === b.by?.question &&
    sameCodes(a.by?.groups ?? [], b.by?.groups ?? []);
  if (!sameShape) {
    throw new SurveyError("E_ARGUMENT", `cannot merge tallies of different shapes ("${a.question}" and "${b.question}")`);
  }
  return {
    ...a,
    counts: a.counts.map((count, i) => count + (b.counts[i] as number)),
    bases: a.bases.map((base, i) => base + (b.bases[i] as number)),
    ungrouped: a.ungrouped + b.ungrouped,
  };
}

function sameCodes(a: Array<{ code: string }>, b: Array<{ code: string }>): boolean {
  return a.length === b.length && a.every((item, i) => item.code === b[i]?.code);
}
