import { describe, expect, it } from "vitest";
import { parseCodebook, type Question } from "../../src/codebook";
import { estimate } from "../../src/estimate";
import { parseCsv } from "../../src/load";
import { surveyFromTable } from "../../src/survey";
import { docsCsv, docsJsonBlocks } from "./docsCodebooks";

/** docs/codebook.md's question examples, run on its five-respondent file: the counts its text quotes. */
const questions = docsJsonBlocks().filter((block): block is Question => typeof block === "object" && block !== null && "id" in block);
const table = parseCsv(docsCsv());

function countsOf(question: Question, missing: string[] = [""]): Array<[string, number, number]> {
  const survey = surveyFromTable(table, parseCodebook({ missing, questions: [question] }));
  return estimate(survey, question.id).map((row) => [row.category, row.count, row.base]);
}

const example = (id: string, index = 0) => questions.filter((question) => question.id === id)[index] as Question;

describe("docs/codebook.md's worked examples", () => {
  it("binary: 3 of 5 yes, 2 of 5 no", () => {
    expect(countsOf(example("facebook"))).toEqual([["yes", 3, 5], ["no", 2, 5]]);
  });

  it("single: refuse 2, case 1, accept 0, of the 3 who answered", () => {
    expect(countsOf(example("request"))).toEqual([["refuse", 2, 3], ["case", 1, 3], ["accept", 0, 3]]);
  });

  it("multi, in one column and as option columns: the same 3, 2 and 1 of 4", () => {
    const expected = [["fb", 3, 4], ["ig", 2, 4], ["li", 1, 4]];
    expect(countsOf(example("networks", 0))).toEqual(expected);
    expect("columns" in example("networks", 1)).toBe(true);
    expect(countsOf(example("networks", 1))).toEqual(expected);
  });

  it("likert: respondent 4's NA is a bad value in row 5, unless it is a missing code", () => {
    const trust = example("trust");
    const survey = surveyFromTable(table, parseCodebook({ missing: [""], questions: [trust] }));
    expect(survey.report.issues.map(({ code, row, column, value }) => ({ code, row, column, value }))).toEqual([
      { code: "E_BAD_VALUE", row: 5, column: "trust", value: "NA" },
    ]);
    expect(countsOf(trust, ["", "NA"]).map(([, count, base]) => [count, base])).toEqual([[1, 4], [1, 4], [0, 4], [1, 4], [1, 4]]);
  });

  it("numeric: every age read", () => {
    const survey = surveyFromTable(table, parseCodebook({ questions: [example("age")] }));
    expect(survey.report.questions.age).toEqual({ rowsRead: 5, used: 5, missing: 0, notAsked: 0, excluded: 0 });
  });
});
