import { describe, expect, it } from "vitest";
import { parseCodebook, type Codebook } from "../../src/codebook";
import { parseCsv } from "../../src/load";
import { surveyFromTable } from "../../src/survey";

const codebook: Codebook = parseCodebook({
  missing: ["", "NA", "Ne sait pas"],
  questions: [
    { id: "facebook", column: "fb", type: "binary", positive: ["Oui", "yes"], negative: ["Non", "no"], caseInsensitive: true },
    {
      id: "photo", column: "photo", type: "binary", positive: ["yes"], negative: ["no"],
      filter: { question: "facebook", equals: "yes" },
    },
    {
      id: "request", column: "req", type: "single",
      categories: [
        { code: "decline", label: "Would decline", values: ["decline"] },
        { code: "case", label: "Case by case", values: ["case"] },
      ],
    },
    {
      id: "networks", column: "nets", type: "multi", separator: ";",
      categories: [
        { code: "fb", label: "Facebook", values: ["facebook"] },
        { code: "tw", label: "Twitter", values: ["twitter"] },
      ],
    },
  ],
});

const csv = [
  "fb,photo,req,nets",
  "OUI,yes,decline,facebook;twitter", // row 2
  "non,,case,twitter", // row 3
  "Ne sait pas,,decline,", // row 4
  "yes,maybe,decline,facebook", // row 5: bad photo value
  "no,yes,case,myspace", // row 6: photo answered by a non-user; bad network
  "yes,no,decline", // row 7: ragged
  "yes,no,accept,facebook", // row 8: bad request value
].join("\n");

describe("surveyFromTable", () => {
  const survey = surveyFromTable(parseCsv(csv), codebook);

  it("accounts for every row of every question", () => {
    for (const account of Object.values(survey.report.questions)) {
      expect(account.used + account.missing + account.notAsked + account.excluded).toBe(account.rowsRead);
      expect(account.rowsRead).toBe(7);
    }
    expect(survey.report.questions.facebook).toEqual({ rowsRead: 7, used: 5, missing: 1, notAsked: 0, excluded: 1 });
    // photo: asked of the 3 valid Facebook users (rows 2, 5, 8); row 5 bad, row 6 skip logic, row 7 ragged
    expect(survey.report.questions.photo).toEqual({ rowsRead: 7, used: 2, missing: 0, notAsked: 2, excluded: 3 });
  });

  it("reports each problem with its row, column, value and code", () => {
    const issues = survey.report.issues.map(({ code, row, column, value }) => ({ code, row, column, value }));
    expect(issues).toEqual([
      { code: "E_BAD_VALUE", row: 5, column: "photo", value: "maybe" },
      { code: "E_BAD_VALUE", row: 6, column: "nets", value: "myspace" },
      { code: "E_SKIP_LOGIC", row: 6, column: "photo", value: "yes" },
      { code: "E_RAGGED_ROW", row: 7, column: undefined, value: "yes,no,decline" },
      { code: "E_BAD_VALUE", row: 8, column: "req", value: "accept" },
    ]);
  });

  it("stops at the earliest bad row in strict mode", () => {
    expect(() => surveyFromTable(parseCsv(csv), codebook, { strict: true })).toThrowError(
      expect.objectContaining({ code: "E_BAD_VALUE", row: 5, column: "photo", value: "maybe" }),
    );
  });

  it("codes multi-select answers option by option", () => {
    const nets = survey.answers.get("networks");
    if (nets?.kind !== "multi") throw new Error("expected multi");
    // Row 7 is ragged: reported and counted in the accounts, but no respondent (no array holds it).
    expect(Array.from(nets.codes)).toEqual([0, 0, -1, 0, -2, 0]);
    expect(Array.from(nets.selected[0]!)).toEqual([1, 0, 0, 1, 0, 1]);
    expect(survey.rowNumbers).toEqual([2, 3, 4, 5, 6, 8]);
  });

  it("names the missing column and the columns the file has", () => {
    const wrong = parseCodebook({ questions: [{ id: "q", column: "Q7", type: "numeric" }] });
    expect(() => surveyFromTable(parseCsv(csv), wrong)).toThrowError(
      expect.objectContaining({ code: "E_CODEBOOK", column: "Q7", path: "questions[0].column", message: expect.stringContaining("fb, photo, req, nets") }),
    );
  });

  it("is safe with column names like __proto__", () => {
    const cb = parseCodebook({ questions: [{ id: "__proto__", column: "__proto__", type: "binary", positive: ["1"], negative: ["0"] }] });
    const s = surveyFromTable(parseCsv("__proto__,constructor\n1,x\n0,y\n"), cb);
    expect(s.report.questions["__proto__"]).toMatchObject({ used: 2 });
    expect(({} as Record<string, unknown>).used).toBeUndefined();
  });
});
