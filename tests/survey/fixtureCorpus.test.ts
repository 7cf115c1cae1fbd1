import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCodebook, type Codebook } from "../../src/codebook";
import { loadSurvey, type LoadSurveyOptions, type QuestionAccount } from "../../src/survey";
import { talliesOf } from "./talliesOf";

/** The corpus: one file per loading case, its expectations in tests/fixtures/cases.json. */
const fixtures = new URL("../fixtures/", import.meta.url);

interface Outcome {
  accounts: Record<string, QuestionAccount>;
  tallies?: Record<string, Record<string, number>>;
  issues: Array<Record<string, unknown>>;
  strictError?: Record<string, unknown>;
}

interface Case {
  file: string;
  codebook?: string;
  codebookPatch?: Partial<Codebook>;
  options?: Partial<LoadSurveyOptions>;
  delimiter?: string;
  format?: string;
  rowNumbers?: number[];
  expect?: Outcome | string;
  error?: Record<string, unknown>;
}

const corpus = JSON.parse(readFileSync(new URL("cases.json", fixtures), "utf8")) as {
  expectations: Record<string, Outcome>;
  cases: Case[];
};

function codebookFor(testCase: Case): Codebook {
  const json = JSON.parse(readFileSync(new URL(testCase.codebook ?? "codebook.json", fixtures), "utf8"));
  return parseCodebook({ ...json, ...testCase.codebookPatch });
}

function load(testCase: Case, extra: Partial<LoadSurveyOptions> = {}) {
  return loadSurvey(fileURLToPath(new URL(testCase.file, fixtures)), {
    codebook: codebookFor(testCase),
    ...testCase.options,
    ...extra,
  });
}

describe("fixture corpus", () => {
  for (const testCase of corpus.cases) {
    const name = `${testCase.file}${testCase.codebook ? ` with ${testCase.codebook}` : ""}${testCase.options ? ` ${JSON.stringify(testCase.options)}` : ""}`;
    const { error } = testCase;
    if (error) {
      it(`${name} fails ${String(error.code)}`, async () => {
        await expect(load(testCase)).rejects.toMatchObject(error);
      });
      continue;
    }
    const outcome = typeof testCase.expect === "string" ? corpus.expectations[testCase.expect] : testCase.expect;
    if (!outcome) throw new Error(`case ${testCase.file} has no expectation`);
    it(`${name} gives the expected counts and issues`, async () => {
      const survey = await load(testCase);
      expect(survey.report.questions).toEqual(outcome.accounts);
      for (const account of Object.values(survey.report.questions)) {
        expect(account.used + account.missing + account.notAsked + account.excluded).toBe(account.rowsRead);
      }
      if (outcome.tallies) expect(talliesOf(survey)).toEqual(outcome.tallies);
      expect(survey.report.issues).toEqual(outcome.issues.map((issue) => expect.objectContaining(issue)));
      if (testCase.rowNumbers) expect(survey.rowNumbers).toEqual(testCase.rowNumbers);
      if (testCase.delimiter) expect(survey.readWith?.delimiter).toBe(testCase.delimiter);
      if (testCase.format) expect(survey.readWith?.format).toBe(testCase.format);
    });
    if (outcome.strictError) {
      it(`${name} stops at the first problem in strict mode`, async () => {
        await expect(load(testCase, { strict: true })).rejects.toMatchObject(outcome.strictError as object);
      });
    }
  }
  it("leaves Object.prototype alone", () => {
    expect(({} as Record<string, unknown>).used).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
