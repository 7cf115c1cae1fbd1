import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import type { SurveyError } from "../../src/errors";
import { parseCsv } from "../../src/load";
import { resolveCodebook, surveyFromTable } from "../../src/survey";
import { codebookErrorOf } from "./codebookErrorOf";


const yesNo = { type: "binary", positive: ["yes"], negative: ["no"] } as const;

describe("parseCodebook: every text a reader sees is a string", () => {
  const single = (category: Record<string, unknown>) => ({
    questions: [{ id: "q", column: "q", type: "single", categories: [{ code: "a", label: "A", values: ["a"] }, category] }],
  });

  it.each([
    ["a question label that is an object", { questions: [{ id: "q", column: "q", ...yesNo, label: { en: "Q" } }] }, "questions[0].label"],
    ["a category label that is a number", single({ code: "b", label: 2, values: ["b"] }), "questions[0].categories[1].label"],
    ["a category with no label", single({ code: "b", values: ["b"] }), "questions[0].categories[1].label"],
    ["a positive label that is a number", { questions: [{ id: "q", column: "q", ...yesNo, positiveLabel: 1 }] }, "questions[0].positiveLabel"],
    ["a negative label that is null", { questions: [{ id: "q", column: "q", ...yesNo, negativeLabel: null }] }, "questions[0].negativeLabel"],
    ["a level label that is a number", { questions: [{ id: "q", column: "q", type: "likert", levels: ["1", "2"], levelLabels: ["Low", 2] }] }, "questions[0].levelLabels"],
    ["a translated label that is an array", { questions: [{ id: "q", column: "q", ...yesNo, translations: { "fr-FR": { label: ["Q"] } } }] }, "questions[0].translations.fr-FR.label"],
    ["a title that is an object", { title: { text: "T" }, questions: [{ id: "q", column: "q", ...yesNo }] }, "title"],
    ["a citation that is a number", { source: { citation: 2011 }, questions: [{ id: "q", column: "q", ...yesNo }] }, "source.citation"],
    ["a $schema that is not a string", { $schema: true, questions: [{ id: "q", column: "q", ...yesNo }] }, "$schema"],
  ])("rejects %s with its JSON path", (_, json, path) => {
    const error = codebookErrorOf(json);
    expect(error.code).toBe("E_CODEBOOK");
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
  });

  it("accepts and ignores a $schema", () => {
    const codebook = parseCodebook({ $schema: "./node_modules/svyprop/codebook.schema.json", questions: [{ id: "q", column: "q", ...yesNo }] });
    expect(codebook.questions).toHaveLength(1);
  });
});

describe("parseCodebook: option columns of a multi question", () => {
  const multi = (extra: Record<string, unknown>) => ({
    questions: [{
      id: "nets", type: "multi",
      categories: [{ code: "fb", label: "Facebook", values: [] }, { code: "tw", label: "Twitter", values: [] }],
      ...extra,
    }],
  });

  it("names a category without a column, a column without a category, and column with columns", () => {
    expect(codebookErrorOf(multi({ columns: { fb: "net_fb" } })).message).toContain('has no column for category "tw"');
    expect(codebookErrorOf(multi({ columns: { fb: "net_fb", tw: "net_tw", ig: "net_ig" } })).path).toBe("questions[0].columns.ig");
    expect(codebookErrorOf(multi({ column: "nets", columns: { fb: "net_fb", tw: "net_tw" } })).path).toBe("questions[0].columns");
    expect(codebookErrorOf(multi({ columns: { fb: "net_fb", tw: 3 } })).path).toBe("questions[0].columns.tw");
    expect(parseCodebook(multi({ columns: { fb: "net_fb", tw: "net_tw" } })).questions).toHaveLength(1);
  });
});

/** Questions q0 … q(n-1), each asked only of those who said yes to the next one. */
function filterChain(depth: number, closeTheLoop = false) {
  return {
    questions: Array.from({ length: depth }, (_, i) => ({
      id: `q${i}`, column: `c${i}`, ...yesNo,
      ...(i + 1 < depth ? { filter: { question: `q${i + 1}`, equals: "yes" } } : closeTheLoop ? { filter: { question: "q0", equals: "yes" } } : {}),
    })),
  };
}

describe("filters of any depth", () => {
  const DEPTH = 10_000;

  it("accepts a 10 000-question filter chain and applies it without recursion", () => {
    const codebook = parseCodebook(filterChain(DEPTH));
    const header = Array.from({ length: DEPTH }, (_, i) => `c${i}`);
    const everyoneYes = header.map(() => "yes");
    const lastSaysNo = header.map((_, i) => (i === DEPTH - 1 ? "no" : i === DEPTH - 2 ? "" : "yes"));
    const survey = surveyFromTable(parseCsv([header, everyoneYes, lastSaysNo].map((row) => row.join(",")).join("\n")), codebook);
    // Row 2 passes the whole chain; row 3 says no to the last question, so q(n-2) was not asked,
    // and so on up the chain: every earlier "yes" of row 3 is a skip-logic violation.
    expect(survey.report.questions.q0).toEqual({ rowsRead: 2, used: 1, missing: 0, notAsked: 0, excluded: 1 });
    expect(survey.report.questions[`q${DEPTH - 2}`]).toEqual({ rowsRead: 2, used: 1, missing: 0, notAsked: 1, excluded: 0 });
    expect(survey.report.questions[`q${DEPTH - 1}`]).toEqual({ rowsRead: 2, used: 2, missing: 0, notAsked: 0, excluded: 0 });
  });

  it("reports a 10 000-question filter cycle as a cycle, briefly", () => {
    const error = codebookErrorOf(filterChain(DEPTH, true));
    expect(error.code).toBe("E_CODEBOOK");
    expect(error.message).toContain(`cyclic filters: q0 → q1 → q2 → q3 → … → q${DEPTH - 3} → q${DEPTH - 2} → q${DEPTH - 1} → q0 (${DEPTH} questions)`);
    expect(error.message.length).toBeLessThan(300);
  });

  it("reads a filter nested 10 000 `all` deep from JSON text, and names a bad leaf at that depth", async () => {
    // Written by hand: JSON.stringify itself overflows at this depth.
    const nested = (leaf: string) => `${'{"all":['.repeat(DEPTH)}${leaf}${"]}".repeat(DEPTH)}`;
    const codebookText = (leaf: string) =>
      `{"questions":[{"id":"fb","column":"fb","type":"binary","positive":["yes"],"negative":["no"]},` +
      `{"id":"photo","column":"photo","type":"binary","positive":["yes"],"negative":["no"],"filter":${nested(leaf)}}]}`;
    const codebook = await resolveCodebook(codebookText('{"question":"fb","equals":"yes"}'));
    const survey = surveyFromTable(parseCsv("fb,photo\nyes,yes\nno,\n"), codebook);
    expect(survey.report.questions.photo).toEqual({ rowsRead: 2, used: 1, missing: 0, notAsked: 1, excluded: 0 });

    const error = await resolveCodebook(codebookText('{"question":"fb","equals":1}')).then(
      () => undefined,
      (caught: unknown) => caught as SurveyError,
    );
    expect(error?.code).toBe("E_CODEBOOK");
    expect(error?.message).not.toContain("not valid JSON");
    expect(error?.path).toBe(`questions[1].filter${".all[0]".repeat(DEPTH)}.equals`);
  });
});
