import type { CodedAnswers } from "../survey";
import type { Tally } from "./types";

/**
 * Counts one question's answers in a single pass over the coded respondents, optionally split
 * by a categorical grouping question. Memory is bounded by categories × groups, not rows.
 * For a multi-select question each option is counted against the respondents who answered.
 *
 * @param answers - The question's coded answers (`survey.answers.get(id)`).
 * @param by - A categorical grouping question's coded answers, to split the counts by.
 * @returns The counts per category (and group) and the bases.
 *
 * @example
 * ```ts
 * import { loadDataset, tallyAnswers } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const tally = tallyAnswers(survey.answers.get("facebook")!, survey.answers.get("position"));
 * // Residents yes, no; fellows yes, no:
 * tally.counts; // → [120, 40, 27, 15]
 * tally.bases; // → [160, 42]
 * ```
 */
export function tallyAnswers(answers: CodedAnswers, by?: CodedAnswers): Tally {
  const k = answers.categories.length;
  const groupCount = by ? by.categories.length : 1;
  const counts = new Float64Array(k * groupCount);
  const bases = new Float64Array(groupCount);
  let ungrouped = 0;
  const { codes } = answers;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (code < 0) continue;
    const group = by ? (by.codes[row] as number) : 0;
    if (group < 0 || group >= groupCount) {
      ungrouped += 1;
      continue;
    }
    bases[group] = (bases[group] as number) + 1;
    if (answers.kind === "multi") {
      answers.selected.forEach((chosen, c) => {
        if (chosen[row] === 1) counts[group * k + c] = (counts[group * k + c] as number) + 1;
      });
    } else {
      counts[group * k + code] = (counts[group * k + code] as number) + 1;
    }
  }
  return {
    question: answers.question.id,
    categories: answers.categories,
    ...(by ? { by: { question: by.question.id, groups: by.categories } } : {}),
    counts,
    bases,
    ungrouped,
  };
}
