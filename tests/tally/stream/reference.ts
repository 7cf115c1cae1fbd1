import { expect } from "vitest";
import type { Codebook } from "../../../src/codebook";
import { parseCsv } from "../../../src/load";
import { surveyFromTable, type ValidationReport } from "../../../src/survey";
import { tallyAnswers, type Tally } from "../../../src/tally";

/** The in-memory path: parse the whole text, code every row, tally each question. */
export function referenceTally(csv: string, codebook: Codebook): { tallies: Map<string, Tally>; report: ValidationReport } {
  const survey = surveyFromTable(parseCsv(csv), codebook);
  return { tallies: new Map([...survey.answers].map(([id, answers]) => [id, tallyAnswers(answers)])), report: survey.report };
}

/** Plain numbers, so a failing comparison shows which count differs. */
function plain(tally: Tally) {
  return {
    question: tally.question,
    categories: tally.categories.map((category) => category.code),
    counts: Array.from(tally.counts),
    bases: Array.from(tally.bases),
    ungrouped: tally.ungrouped,
  };
}

/** Asserts two sets of tallies hold the same questions, categories and counts. */
export function expectSameTallies(actual: Map<string, Tally>, expected: Map<string, Tally>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [id, tally] of expected) expect(plain(actual.get(id) as Tally)).toEqual(plain(tally));
}
