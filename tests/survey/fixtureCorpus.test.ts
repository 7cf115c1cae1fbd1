import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { parseCodebook, type Codebook, type DesignSpec } from "../../src/codebook";
import { loadSurvey, proposeCodebook, type LoadSurveyOptions, type QuestionAccount } from "../../src/survey";
import { oracleData, repoRoot } from "../paths";
import { expectPathsAgree } from "./readingPaths";
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

/**
 * Issue 13's criterion, for good: both reading paths (`loadSurvey` + `estimate`, and `tallyFile` on
 * one thread and two, in tiny chunks) agree field by field on every fixture file (tests/fixtures,
 * its realistic exports with the codebook svyprop proposes for them, and the design fixtures
 * with their R data), malformed ones included, without a design and with each design that applies
 * to its columns — weights that are not numbers and a design column the file lacks among them.
 * Only `maxBytes` is left out: a limit of the in-memory path alone (the stream reads any size).
 */
const fixtureFile = (name: string) => fileURLToPath(new URL(name, fixtures));
const rSurveyNumeric = (name: string) => join(repoRoot, "tests", "reference", "r-survey-numeric", name);

/** Designs laid over each codebook's columns (strata, PSUs and weights the files have, some malformed). */
const designsOf: Record<string, DesignSpec[]> = {
  "codebook.json": [
    { strata: "service", cluster: "id" },
    { weights: "note", strata: "service" },
    { weights: "trust" },
    { weights: "w", cluster: ["id", "fb"] },
  ],
  "limesurvey.codebook.json": [{ weights: "lastpage", cluster: "seed" }],
  "redcap.codebook.json": [{ strata: "redcap_event_name", cluster: "record_id", lonelyPsu: "adjust" }],
  "prototype-columns.codebook.json": [{ strata: "toString" }],
};

/** The codebook without a design, and with each design that applies to it. */
function withDesigns(codebook: Codebook, designs: readonly DesignSpec[]): Array<[string, Codebook]> {
  const { design: _, ...plain } = codebook;
  return [["no design", plain], ...designs.map((design): [string, Codebook] => [`design ${JSON.stringify(design)}`, parseCodebook({ ...plain, design })])];
}

describe.concurrent("both reading paths agree field by field", () => {
  for (const testCase of corpus.cases.filter((candidate) => candidate.options?.maxBytes === undefined)) {
    const codebook = codebookFor(testCase);
    // Two threads (a worker costs a second or two to start) once per file: with its first design, else without.
    const variants = withDesigns(codebook, designsOf[testCase.codebook ?? "codebook.json"] ?? []);
    const twoThreads = variants[variants.length > 1 ? 1 : 0]?.[0];
    const name = `${testCase.file}${testCase.codebook ? ` with ${testCase.codebook}` : ""}`;
    it.each(variants)(`on ${name}, %s`, async (variant, read) => {
      await expectPathsAgree(fixtureFile(testCase.file), read, { threads: variant === twoThreads ? [1, 2] : [1] });
    });
    it(`on ${name}, one problem listed per question and code (the rest counted)`, async () => {
      await expectPathsAgree(fixtureFile(testCase.file), codebook, { threads: [1], issueLimit: 1 });
    });
  }

  it.each(["excel-fr.csv", "limesurvey.csv", "qualtrics.csv", "redcap.csv", "redcap-dictionary.csv", "spss/survey.csv"])("on the export %s with the codebook proposed for it", async (name) => {
    const file = fixtureFile(`exports/${name}`);
    const { codebook } = await proposeCodebook(file);
    // One thread: these plain files add nothing to the fixtures' split into parts but a worker's start.
    await expectPathsAgree(file, codebook, { threads: [1] });
  });

  it.each([
    ["strat-cluster.codebook.json", oracleData("weighted_c_strat_cluster.csv")],
    ["apistrat.codebook.json", rSurveyNumeric("apistrat.csv")],
  ])("on the design fixture %s with its data", async (name, file) => {
    const codebook = codebookFor({ file, codebook: name });
    for (const [variant, read] of withDesigns(codebook, [codebook.design as DesignSpec, { ...codebook.design, lonelyPsu: "remove" }])) {
      const outcome = await expectPathsAgree(file, read, { chunkSize: 4093, threads: variant === "no design" ? [1] : [1, 2] });
      expect("estimates" in outcome && Object.keys(outcome.estimates).length).toBeGreaterThan(0);
    }
  });
});
