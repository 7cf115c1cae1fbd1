import type { Survey } from "../../src/survey";
import { tallyAnswers } from "../../src/tally";

/**
 * Per question, the count of each category code (a numeric question: the sum of its used
 * values), as plain objects so tests can compare surveys read from different files.
 */
export function talliesOf(survey: Survey): Record<string, Record<string, number>> {
  const tallies: Record<string, Record<string, number>> = Object.create(null);
  for (const [id, coded] of survey.answers) {
    if (coded.kind === "numeric") {
      let sum = 0;
      coded.codes.forEach((code, row) => {
        if (code >= 0) sum += coded.values[row] as number;
      });
      tallies[id] = { sum };
      continue;
    }
    const tally = tallyAnswers(coded);
    tallies[id] = Object.fromEntries(tally.categories.map((category, c) => [category.code, tally.counts[c] as number]));
  }
  return tallies;
}
