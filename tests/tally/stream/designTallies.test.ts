import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCodebook, type Codebook } from "../../../src/codebook";
import { estimate, estimatesFromDesignTally } from "../../../src/estimate";
import { parseCsv } from "../../../src/load";
import { surveyFromTable } from "../../../src/survey";
import { tallyFile } from "../../../src/tally";
import type { Estimate } from "../../../src/types";
import { fixtureCodebook, fixtureCsv } from "../../bench/surveyFixture";
import { oracleData } from "../../paths";

/**
 * tallyFile({ designTallies: true }) → estimatesFromDesignTally gives the rows estimate() gives
 * on the file read whole (weights, strata, clusters, fpc): same counts, proportions, SEs,
 * deff, intervals, whatever the chunk size or the number of worker threads.
 */
const folder = mkdtempSync(join(tmpdir(), "svyprop-design-stream-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function expectSameRows(streamed: Estimate[], whole: Estimate[]): void {
  expect(streamed.map((r) => [r.category, r.count, r.base, r.method])).toEqual(whole.map((r) => [r.category, r.count, r.base, r.method]));
  streamed.forEach((row, i) => {
    const expected = whole[i] as Estimate;
    for (const key of ["proportion", "lower", "upper", "se", "deff", "weightedBase", "effectiveN"] as const) {
      const [a, b] = [row[key] as number, expected[key] as number];
      expect(Math.abs(a - b), `${row.question} ${row.category} ${key}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(b)));
    }
  });
}

async function compare(csv: string, codebook: Codebook, options: { workers?: number; chunkSize?: number; method?: "beta" | "logit" | "mean" } = {}): Promise<void> {
  const path = join(folder, `${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, csv);
  const { tallies, designTallies, workers } = await tallyFile(path, codebook, {
    designTallies: true,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
  });
  expect(workers).toBe(options.workers ?? 1);
  const survey = surveyFromTable(parseCsv(csv), codebook);
  const method = options.method === undefined ? {} : { method: options.method };
  for (const question of codebook.questions.filter((q) => q.type !== "numeric")) {
    const streamed = estimatesFromDesignTally(tallies.get(question.id)!, designTallies!.get(question.id)!, question.label ?? question.id, method);
    expectSameRows(streamed, estimate(survey, question.id, method));
  }
}

const binary = (id: string) => ({ id, column: id, type: "binary", positive: ["1"], negative: ["0"] });
const single = (id: string, levels: string[]) => ({ id, column: id, type: "single", categories: levels.map((l) => ({ code: l, label: l, values: [l] })) });

describe("streamed design tallies", () => {
  it.each([
    ["a_unequal", { weights: "w" }, ["A", "B", "C", "D"]],
    ["b_stratified_fpc", { weights: "w", strata: "stratum", fpc: "fpc" }, ["A", "B", "C"]],
    ["c_strat_cluster", { weights: "w", strata: "stratum", cluster: "psu" }, ["A", "B", "C", "D"]],
  ] as const)("reproduce estimate() on the oracle's %s design, in small chunks", async (dataset, design, cats) => {
    const csv = await import("node:fs").then((fs) => fs.readFileSync(oracleData(`weighted_${dataset}.csv`), "utf8"));
    const codebook = parseCodebook({ design, questions: [binary("y1"), binary("y2"), single("cat", [...cats])] });
    await compare(csv, codebook, { chunkSize: 7 });
    await compare(csv, codebook, { method: "beta" });
  });

  it("reproduce estimate() on a generated stratified clustered survey, on one thread and on two", async () => {
    // 30 questions (filtered, multi-select, quoted labels with line breaks) and a design.
    const csv = fixtureCsv({ rows: 3000, seed: 7, quotedNewlines: true, newline: "\r\n" });
    const codebook = fixtureCodebook();
    await compare(csv, codebook, { workers: 1, chunkSize: 4093 });
    await compare(csv, codebook, { workers: 2, chunkSize: 4093 });
  });

  it("of the questions listed only: the same sums, counts and report as every question's, on one thread and two", async () => {
    const path = join(folder, "listed.csv");
    writeFileSync(path, fixtureCsv({ rows: 3000, seed: 8, problems: true, quotedNewlines: true, newline: "\r\n" }));
    const codebook = fixtureCodebook();
    for (const workers of [1, 2]) {
      const every = await tallyFile(path, codebook, { designTallies: true, by: "sex", workers, chunkSize: 4093 });
      const listed = await tallyFile(path, codebook, { designTallies: ["q02", "q04"], by: "sex", workers, chunkSize: 4093 });
      expect(listed.workers).toBe(workers);
      // Split by a group, the design's sums are kept per group only.
      expect(listed.designTallies).toBeUndefined();
      expect([...listed.byDesignTallies!.keys()]).toEqual(["q02", "q04"]);
      for (const id of ["q02", "q04"]) expect(listed.byDesignTallies!.get(id)).toEqual(every.byDesignTallies!.get(id));
      expect(listed.report).toEqual(every.report);
      expect(listed.tallies).toEqual(every.tallies);
      expect(listed.byTallies).toEqual(every.byTallies);
    }
  });

  it("name the spreadsheet row of a bad weight, after a quoted line break, on any thread", async () => {
    const codebook = parseCodebook({ design: { weights: "w" }, questions: [binary("y"), { id: "note", column: "note", type: "single", categories: [{ code: "x", label: "x", values: ["x"] }] }] });
    // A quoted line break stays in its spreadsheet row: record 300 is row 302, as in memory.
    const rows = Array.from({ length: 400 }, (_, i) => `1,${i === 10 ? '"x\nx"' : "x"},${i === 300 ? "-2" : "1.5"}`);
    const path = join(folder, "bad-weight.csv");
    writeFileSync(path, `y,note,w\n${rows.join("\n")}\n`);
    for (const workers of [1, 2]) {
      await expect(tallyFile(path, codebook, { designTallies: true, workers })).rejects.toMatchObject({ code: "E_BAD_WEIGHT", row: 302, column: "w", value: "-2" });
    }
    writeFileSync(path, `y,note,w\n${rows.map((r, i) => (i === 200 ? "1,x," : r)).join("\n")}\n`);
    await expect(tallyFile(path, codebook, { designTallies: true })).rejects.toMatchObject({ code: "E_BAD_WEIGHT", row: 202, column: "w", value: "" });
  });

  it("are left out unless asked for", async () => {
    const path = join(folder, "plain.csv");
    writeFileSync(path, "y,w,g\n1,2,a\n0,3,b\n");
    const weighted = parseCodebook({ design: { weights: "w" }, questions: [binary("y")] });
    expect((await tallyFile(path, weighted)).designTallies).toBeUndefined();
  });

  it.each([
    ["a calibration", { weights: "w", calibration: { method: "postStratify", margins: [{ column: "g", population: { a: 5, b: 5 } }] } }, "a calibration needs every row"],
    ["replicate weights", { weights: "w", replicates: { columns: ["r1", "r2"], type: "JK1" } }, "replicate weights need every row"],
    ["a multistage design", { cluster: ["g", "h"], fpc: ["n1", "n2"] }, "a multistage design needs every row"],
    ["an fpc without weights", { strata: "g", fpc: "n1" }, "an fpc without a weights column needs every row"],
    ["no design", undefined, "the codebook has no design"],
    ["a design naming no columns", { lonelyPsu: "certainty" }, "names no weights, strata or clusters"],
  ] as const)("asked for on %s are an E_ARGUMENT saying why, before the file is read", async (_, design, why) => {
    const path = join(folder, "design-needs-rows.csv");
    writeFileSync(path, "y,w,g,h,n1,n2,r1,r2\n1,2,a,1,10,4,2,0\n0,3,b,2,10,4,0,3\n1,2,a,3,10,4,2,0\n0,3,b,4,10,4,0,3\n");
    const codebook = parseCodebook({ ...(design ? { design } : {}), questions: [binary("y")] } as Codebook);
    expect((await tallyFile(path, codebook)).designTallies).toBeUndefined();
    const refused = tallyFile(path, codebook, { designTallies: true });
    await expect(refused).rejects.toMatchObject({ code: "E_ARGUMENT" });
    await expect(refused).rejects.toThrow(why);
  });
});
