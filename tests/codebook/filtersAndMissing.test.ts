import { describe, expect, it } from "vitest";
import { AnswerStatus, createAnswerCoder, parseCodebook, parseNumberAnswer, type Question } from "../../src/codebook";
import { parseCsv } from "../../src/load";
import { surveyFromTable } from "../../src/survey";

const coded = (survey: ReturnType<typeof surveyFromTable>, id: string) => Array.from(survey.answers.get(id)?.codes ?? []);
const { missing, bad, filtered } = AnswerStatus;

describe("answer coding", () => {
  const question: Question = {
    id: "q", column: "q", type: "single", missing: ["Ne sait pas"],
    categories: [{ code: "a", label: "A", values: ["Oui"] }],
  };

  it("treats global and per-question missing codes, and empty cells, as missing", () => {
    const code = createAnswerCoder(question, ["-99"]);
    expect(["Oui", " Oui ", "", "  ", "-99", "Ne sait pas", "oui"].map(code)).toEqual([0, 0, missing, missing, missing, missing, bad]);
  });

  it("matches without case when the question says so", () => {
    const code = createAnswerCoder({ ...question, caseInsensitive: true }, ["NA"]);
    expect(["oui", "OUI", "na", "ne sait PAS"].map(code)).toEqual([0, 0, missing, missing]);
  });

  it("keeps a missing code of one question from meaning missing in another", () => {
    const survey = surveyFromTable(
      parseCsv("a,b\nNe sait pas,Ne sait pas\n"),
      parseCodebook({
        questions: [
          { id: "a", column: "a", type: "binary", positive: ["1"], negative: ["0"], missing: ["Ne sait pas"] },
          { id: "b", column: "b", type: "binary", positive: ["1"], negative: ["0"] },
        ],
      }),
    );
    expect(survey.report.questions.a).toMatchObject({ missing: 1, excluded: 0 });
    expect(survey.report.questions.b).toMatchObject({ missing: 0, excluded: 1 });
  });
});

describe("filters", () => {
  const codebook = parseCodebook({
    questions: [
      { id: "fb", column: "fb", type: "binary", positive: ["yes"], negative: ["no"] },
      { id: "pos", column: "pos", type: "single", categories: [
        { code: "res", label: "Resident", values: ["res"] },
        { code: "fel", label: "Fellow", values: ["fel"] },
        { code: "sen", label: "Senior", values: ["sen"] },
      ] },
      { id: "age", column: "age", type: "numeric" },
      { id: "in_", column: "q1", type: "binary", positive: ["1"], negative: ["0"], filter: { question: "pos", in: ["res", "fel"] } },
      { id: "notMissing", column: "q2", type: "binary", positive: ["1"], negative: ["0"], filter: { question: "age", notMissing: true } },
      { id: "all", column: "q3", type: "binary", positive: ["1"], negative: ["0"],
        filter: { all: [{ question: "fb", equals: "yes" }, { question: "pos", equals: "res" }] } },
      { id: "chained", column: "q4", type: "binary", positive: ["1"], negative: ["0"], filter: { question: "all", equals: "yes" } },
    ],
  });
  const csv = [
    "fb,pos,age,q1,q2,q3,q4",
    "yes,res,30,1,1,1,1", // row 2: asked everything
    "yes,fel,,0,,,", // row 3: age missing → q2 not asked; fellow → q3 not asked
    "no,sen,40,,0,,", // row 4: senior → q1 not asked
    "no,res,35,1,1,1,", // row 5: q3 answered by a non-Facebook user: skip-logic violation
    "yes,res,28,1,0,0,1", // row 6: q4 answered though q3 is "no"
  ].join("\n");
  const survey = surveyFromTable(parseCsv(csv), codebook);

  it("restricts the denominator with in, notMissing, all, and filters on filtered questions", () => {
    expect(coded(survey, "in_")).toEqual([0, 1, filtered, 0, 0]);
    expect(coded(survey, "notMissing")).toEqual([0, filtered, 1, 0, 1]);
    expect(coded(survey, "all")).toEqual([0, filtered, filtered, bad, 1]);
    expect(coded(survey, "chained")).toEqual([0, filtered, filtered, filtered, bad]);
  });

  it("reports each skip-logic violation with its row, column and value", () => {
    expect(survey.report.issues.map(({ code, row, column, value, question }) => ({ code, row, column, value, question }))).toEqual([
      { code: "E_SKIP_LOGIC", row: 5, column: "q3", value: "1", question: "all" },
      { code: "E_SKIP_LOGIC", row: 6, column: "q4", value: "1", question: "chained" },
    ]);
  });
});

describe("codebook checks", () => {
  const binary = (id: string, extra: object = {}) => ({ id, column: id, type: "binary", positive: ["1"], negative: ["0"], ...extra });
  const errorOf = (json: unknown) => {
    try {
      parseCodebook(json);
    } catch (error) {
      return error;
    }
    throw new Error("expected E_CODEBOOK");
  };

  it("finds a cycle through a combined filter", () => {
    const json = {
      questions: [
        binary("a", { filter: { all: [{ question: "b", notMissing: true }] } }),
        binary("b", { filter: { question: "a", equals: "yes" } }),
      ],
    };
    expect(errorOf(json)).toMatchObject({ code: "E_CODEBOOK", path: "questions[0].filter" });
  });

  it("names the bad field of a filter", () => {
    expect(errorOf({ questions: [binary("a"), binary("b", { filter: { question: "a", in: "yes" } })] })).toMatchObject({
      path: "questions[1].filter.in",
    });
    expect(errorOf({ questions: [binary("a"), binary("b", { filter: { question: "a", equals: 1 } })] })).toMatchObject({
      path: "questions[1].filter.equals",
    });
    expect(errorOf({ questions: [binary("a"), binary("b", { filter: { all: [{ question: "a", notMissing: false }] } })] })).toMatchObject({
      path: "questions[1].filter.all[0].notMissing",
    });
    expect(errorOf({ questions: [binary("a"), binary("b", { filter: { question: "a" } })] })).toMatchObject({
      path: "questions[1].filter",
    });
  });

  it("finds overlapping values between a binary question's answers and among Likert levels", () => {
    expect(errorOf({ questions: [binary("a", { negative: ["0", "1"] })] })).toMatchObject({ path: "questions[0].negative" });
    expect(errorOf({ questions: [{ id: "l", column: "l", type: "likert", levels: ["1", "2", " 1"] }] })).toMatchObject({
      path: "questions[0].levels[2]",
    });
  });

  it("checks the respondent id column name, then its presence in the file", () => {
    expect(errorOf({ respondentId: 7, questions: [binary("a")] })).toMatchObject({ path: "respondentId" });
    const codebook = parseCodebook({ respondentId: "id", questions: [binary("a")] });
    expect(() => surveyFromTable(parseCsv("a\n1\n"), codebook)).toThrowError(
      expect.objectContaining({ code: "E_CODEBOOK", column: "id", path: "respondentId" }),
    );
  });

  it("names the option column of a multi question the file lacks", () => {
    const codebook = parseCodebook({
      questions: [{ id: "n", type: "multi", columns: { fb: "net_fb", tw: "net_tw" }, categories: [
        { code: "fb", label: "Facebook", values: [] },
        { code: "tw", label: "Twitter", values: [] },
      ] }],
    });
    expect(() => surveyFromTable(parseCsv("net_fb\n1\n"), codebook)).toThrowError(
      expect.objectContaining({ code: "E_CODEBOOK", column: "net_tw", path: "questions[0].columns.tw" }),
    );
  });
});

describe("numeric answers", () => {
  it("read a decimal point or a decimal comma, and nothing else", () => {
    expect(["12.5", " 12,5 ", "-3", "+0,25", ",5", "7."].map(parseNumberAnswer)).toEqual([12.5, 12.5, -3, 0.25, 0.5, 7]);
    for (const text of ["1 234", "0x10", "1e3", "12,5,1", "douze", "Infinity"]) expect(parseNumberAnswer(text)).toBeNaN();
  });
});

describe("columns named twice", () => {
  it("refuse a question on an ambiguous column, naming it", () => {
    const codebook = parseCodebook({ questions: [{ id: "a", column: "a", type: "numeric" }] });
    expect(() => surveyFromTable(parseCsv("a,b,a\n1,2,3\n"), codebook)).toThrowError(
      expect.objectContaining({ code: "E_DUPLICATE_COLUMN", column: "a", path: "questions[0].column" }),
    );
    const other = parseCodebook({ questions: [{ id: "b", column: "b", type: "numeric" }] });
    expect(surveyFromTable(parseCsv("a,b,a\n1,2,3\n"), other).report.questions.b).toMatchObject({ used: 1 });
  });
});
