import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCodebook, type Codebook, type DesignSpec } from "../../src/codebook";
import type { CrosstabOptions } from "../../src/estimate";
import { crosstabSource } from "../../src/estimate/crosstabSource";
import { parseCsv } from "../../src/load";
import { FIXTURE_DESIGNS, fixtureCodebook, fixtureCsv } from "../bench/surveyFixture";
import { expectSameFields } from "../expectSameFields";
import { withoutRaggedRows } from "../withoutRaggedRows";
import { oracleData, repoRoot } from "../paths";

/**
 * crosstabSource streamed (`tallyFile` split by the column question, then `crosstabFromTallies`)
 * gives what it gives read whole (`loadSurvey`, then `crosstab`): the estimates, the test, the
 * column comparisons and the validation report, field by field (numbers to 1e-11), on the
 * generated survey (bad values, ragged rows, skip logic, a multi-select) with and without a
 * design, the oracle's weighted, stratified and clustered files, lonely PSUs and the shipped survey.
 */
const folder = mkdtempSync(join(tmpdir(), "svyprop-crosstab-stream-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

function fileOf(csv: string): string {
  const path = join(folder, `${files++}.csv`);
  writeFileSync(path, csv);
  return path;
}

async function compare(path: string, codebook: Codebook, rows: string, cols: string, options: CrosstabOptions = {}) {
  const memory = await crosstabSource(path, codebook, rows, cols, { ...options, stream: false });
  const streamed = await crosstabSource(path, codebook, rows, cols, { ...options, stream: true });
  expect([memory.engine, streamed.engine]).toEqual(["memory", "stream"]);
  expect(streamed.report).toEqual(memory.report);
  expectSameFields(streamed.crosstab, memory.crosstab, "crosstab");
  return memory.crosstab;
}

/** Errors alike through both engines (code and message). */
async function refusedAlike(path: string, codebook: Codebook, rows: string, cols: string, options: CrosstabOptions & { strict?: boolean } = {}) {
  const errorOf = (stream: boolean) => crosstabSource(path, codebook, rows, cols, { ...options, stream }).then(() => undefined, (error: unknown) => error);
  const [memory, streamed] = [await errorOf(false), await errorOf(true)];
  expect(memory).toBeDefined();
  expect(streamed).toMatchObject({ code: (memory as { code: string }).code, message: (memory as Error).message });
  return memory as { code: string; message: string };
}

const generated = fixtureCsv({ rows: 1500, seed: 5, problems: true, quotedNewlines: true, newline: "\r\n" });
const { design: _design, ...generatedBase } = fixtureCodebook();
const generatedFile = fileOf(generated);
const generatedWhole = fileOf(withoutRaggedRows(generated));

describe("crosstab streamed equals crosstab read whole", () => {
  it.each(FIXTURE_DESIGNS)("on the generated survey with %s: a question by sex, a filtered one by age group", async (_, design?: DesignSpec) => {
    const codebook = parseCodebook({ ...generatedBase, ...(design ? { design } : {}) });
    const path = design && "weights" in design ? generatedWhole : generatedFile;
    const { test, estimates } = await compare(path, codebook, "q02", "sex", { compareColumns: {} });
    expect(test.n).toBeGreaterThan(1000);
    expect(new Set(estimates.map((row) => row.group?.sex))).toEqual(new Set(["F", "M"]));
    await compare(path, codebook, "q04", "age_group", { compareColumns: { adjustment: "bonferroni", alpha: 0.2 }, level: 0.9, locale: "fr-FR" });
    if (!design || !("weights" in design)) await compare(path, codebook, "q02", "sex", { test: "fisher" });
    else await compare(path, codebook, "q05", "age_group", { test: "Chisq", method: "beta" });
  });

  it.each([
    ["a_unequal", { weights: "w" }],
    ["b_stratified_fpc", { weights: "w", strata: "stratum", fpc: "fpc" }],
    ["c_strat_cluster", { weights: "w", strata: "stratum", cluster: "psu" }],
  ] as const)("on the oracle's %s design: cat by group, F and Chisq, with column comparisons", async (dataset, design) => {
    const csv = readFileSync(oracleData(`weighted_${dataset}.csv`), "utf8");
    const table = parseCsv(csv);
    const single = (id: string) => {
      const levels = [...new Set(table.rows.map((row) => row[table.header.indexOf(id)] as string))].sort();
      return { id, column: id, type: "single", categories: levels.map((l) => ({ code: l, label: l, values: [l] })) };
    };
    const codebook = parseCodebook({ design, questions: [single("cat"), single("group"), single("y1")] });
    const path = fileOf(csv);
    for (const test of ["F", "Chisq"] as const) await compare(path, codebook, "cat", "group", { test, compareColumns: {} });
    await compare(path, codebook, "y1", "cat", { method: "mean" });
  });

  it("with lonely PSUs, under each rule, and the same error without one", async () => {
    // Stratum H1's first PSU alone in a stratum of its own.
    const lines = readFileSync(oracleData("weighted_c_strat_cluster.csv"), "utf8").split("\n");
    const path = fileOf([lines[0], ...lines.slice(1).filter(Boolean).map((line) => line.replace(/^(\d+),"H1",1,/, '$1,"H0",1,'))].join("\n") + "\n");
    const single = (id: string, levels: string[]) => ({ id, column: id, type: "single", categories: levels.map((l) => ({ code: l, label: l, values: [l] })) });
    const questions = [single("cat", ["A", "B", "C", "D"]), single("group", ["18-34", "35-54", "55+"])];
    for (const lonelyPsu of ["certainty", "remove", "adjust", "average"] as const) {
      await compare(path, parseCodebook({ design: { weights: "w", strata: "stratum", cluster: "psu", lonelyPsu }, questions }), "cat", "group", { compareColumns: {} });
    }
    const error = await refusedAlike(path, parseCodebook({ design: { weights: "w", strata: "stratum", cluster: "psu" }, questions }), "cat", "group");
    expect(error.code).toBe("E_LONELY_PSU");
  });

  it("on the shipped Moubarak survey (its population size of 405)", async () => {
    const dir = join(repoRoot, "data", "moubarak-2009");
    const codebook = parseCodebook(JSON.parse(readFileSync(join(dir, "codebook.json"), "utf8")));
    const { estimates } = await compare(join(dir, "responses.csv"), codebook, "facebook", "position", { locale: "fr-FR", compareColumns: {} });
    expect(estimates.every((row) => row.populationSize !== undefined)).toBe(true);
  });

  it("refuses alike: strict on bad values, questions that are not categorical, a test the design does not allow", async () => {
    const plain = parseCodebook(generatedBase);
    expect((await refusedAlike(generatedFile, plain, "q02", "sex", { strict: true })).code).toMatch(/^E_/);
    await refusedAlike(generatedFile, plain, "q02", "sex", { test: "F" });
    await refusedAlike(generatedFile, plain, "q02", "q30");
    await refusedAlike(generatedFile, plain, "nope", "sex");
    await refusedAlike(generatedFile, plain, "q02", "nope");
  });

  it("refuses a question it cannot cross before either engine reads the file, with one message", async () => {
    const codebook = parseCodebook({
      questions: [
        { id: "fb", column: "fb", type: "single", categories: [{ code: "yes", label: "Yes", values: ["yes"] }, { code: "no", label: "No", values: ["no"] }] },
        { id: "age", column: "age", type: "numeric" },
      ],
    });
    const missing = join(folder, "no-such-file.csv");
    for (const [rows, cols, code, message] of [
      ["age", "fb", "E_ARGUMENT", 'crosstab: question "age" must be binary, single-choice or Likert (one answer per respondent)'],
      ["fb", "age", "E_ARGUMENT", 'crosstab: question "age" must be binary, single-choice or Likert (one answer per respondent)'],
      ["nope", "fb", "E_UNKNOWN_QUESTION", 'no question "nope" in the codebook; questions are: fb, age'],
    ] as const) {
      for (const stream of [false, true]) {
        await expect(crosstabSource(missing, codebook, rows, cols, { stream }), `${rows} by ${cols}, stream: ${stream}`).rejects.toMatchObject({ code, message: `${code}: ${message}` });
      }
    }
  });

  it("reads a calibrated design whole, and refuses stream: true on it, saying why", async () => {
    const codebook = parseCodebook({
      ...generatedBase,
      design: { weights: "weight", calibration: { method: "postStratify", margins: [{ column: "sex", population: { F: 5000, M: 5000 } }] } },
    });
    const auto = await crosstabSource(generatedWhole, codebook, "q02", "sex");
    expect(auto.engine).toBe("memory");
    await expect(crosstabSource(generatedWhole, codebook, "q02", "sex", { stream: true })).rejects.toMatchObject({ code: "E_ARGUMENT", message: expect.stringContaining("calibration") });
  });
});
