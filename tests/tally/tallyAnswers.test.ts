import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseCodebook } from "../../src/codebook";
import { parseCsv } from "../../src/load";
import { surveyFromTable } from "../../src/survey";
import { mergeTallies, tallyAnswers } from "../../src/tally";

const codebook = parseCodebook({
  questions: [
    { id: "position", column: "position", type: "single", categories: [
      { code: "resident", label: "Resident", values: ["resident"] },
      { code: "fellow", label: "Fellow", values: ["fellow"] },
    ] },
    { id: "answer", column: "answer", type: "likert", levels: ["1", "2", "3"] },
  ],
});

const surveyOf = (rows: Array<[string, string]>) =>
  surveyFromTable(parseCsv(["position,answer", ...rows.map((r) => r.join(","))].join("\n") + "\n"), codebook);

const row = fc.tuple(fc.constantFrom("resident", "fellow", ""), fc.constantFrom("1", "2", "3", ""));

describe("tallyAnswers", () => {
  it("counts categories within groups, leaving unanswered groups aside", () => {
    const survey = surveyOf([["resident", "1"], ["resident", "3"], ["fellow", "3"], ["", "2"], ["fellow", ""]]);
    const tally = tallyAnswers(survey.answers.get("answer")!, survey.answers.get("position")!);
    expect(Array.from(tally.counts)).toEqual([1, 0, 1, 0, 0, 1]);
    expect(Array.from(tally.bases)).toEqual([2, 1]);
    expect(tally.ungrouped).toBe(1);
  });

  it("merges chunk tallies into the whole file's tally", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.array(row, { minLength: 1, maxLength: 40 }), (a, b) => {
        const tally = (rows: Array<[string, string]>) => {
          const s = surveyOf(rows);
          return tallyAnswers(s.answers.get("answer")!, s.answers.get("position")!);
        };
        const merged = mergeTallies(tally(a), tally(b));
        const whole = tally([...a, ...b]);
        expect(Array.from(merged.counts)).toEqual(Array.from(whole.counts));
        expect(Array.from(merged.bases)).toEqual(Array.from(whole.bases));
        expect(merged.ungrouped).toBe(whole.ungrouped);
      }),
    );
  });

  it("refuses to merge tallies of different questions", () => {
    const s = surveyOf([["resident", "1"]]);
    expect(() => mergeTallies(tallyAnswers(s.answers.get("answer")!), tallyAnswers(s.answers.get("position")!))).toThrow(
      /E_ARGUMENT/,
    );
  });
});
