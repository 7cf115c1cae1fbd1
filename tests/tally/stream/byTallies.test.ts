import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCodebook, type Codebook } from "../../../src/codebook";
import { estimate, estimatesFromTallies } from "../../../src/estimate";
import { loadSurvey } from "../../../src/survey";
import { addDesignRows, createDesignTally, streamableDesign, tallyAnswers, tallyFile, type DesignTally, type Tally } from "../../../src/tally";
import type { Estimate } from "../../../src/types";
import { FIXTURE_DESIGNS, fixtureCodebook, fixtureCsv } from "../../bench/surveyFixture";
import { oracleData, oracleRef, repoRoot } from "../../paths";
import { surveyErrorOf } from "../../surveyErrorOf";
import { withoutRaggedRows } from "../../withoutRaggedRows";

/**
 * `tallyFile(…, { by })` → `estimatesFromTallies` gives the rows `estimate(survey, id, { by })`
 * gives on the file read whole by `loadSurvey`, field by field (numbers to 1e-11 where sums are
 * added in another order), on one thread and two, in chunks that cut records: simple random
 * samples (with the finite-population correction), weighted, stratified (fpc), clustered designs,
 * lonely PSUs, filtered grouping questions, groups nobody is in, multi-selects, missing codes,
 * bad values and ragged rows.
 */
const folder = mkdtempSync(join(tmpdir(), "svyprop-by-stream-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;

/** Every field alike: texts, counts and non-finite numbers exactly, other numbers to 1e-11 (relative above 1). */
function expectSameEstimates(actual: Estimate[], expected: Estimate[]): void {
  expect(actual.map((row) => Object.keys(row))).toEqual(expected.map((row) => Object.keys(row)));
  actual.forEach((row, i) => {
    const want = expected[i] as Estimate;
    for (const [key, value] of Object.entries(want)) {
      const got = (row as unknown as Record<string, unknown>)[key];
      const where = `${row.question} ${JSON.stringify(row.group)} ${row.category} ${key}`;
      if (typeof value !== "number" || key === "count" || key === "base" || !Number.isFinite(value)) expect(got, where).toEqual(value);
      else expect(Math.abs((got as number) - value), `${where}: ${got} vs ${value}`).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(value)));
    }
  });
}

/** A tally as plain numbers, so a failing comparison shows which count differs. */
const plain = (tally: Tally | undefined) =>
  tally && { question: tally.question, by: tally.by?.question, groups: tally.by?.groups.map((g) => g.code), counts: Array.from(tally.counts), bases: Array.from(tally.bases), ungrouped: tally.ungrouped };

interface Case {
  csv: string;
  codebook: Codebook;
  by: string;
  /** Interval methods, each checked on the same tallies (the tallies do not depend on the method). */
  methods?: ReadonlyArray<"beta" | "logit" | "mean" | "wilson" | "clopper-pearson" | undefined>;
  chunkSize?: number;
}

/** Streams the file split by `by` on one and two threads and holds the rows, tallies and report to the in-memory path's. */
async function compare({ csv, codebook, by, methods = [undefined], chunkSize = 997 }: Case): Promise<Estimate[]> {
  const path = join(folder, `${files++}.csv`);
  writeFileSync(path, csv);
  const survey = await loadSurvey(path, { codebook });
  const ids = codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
  const optionsOf = (method: (typeof methods)[number]) => (method === undefined ? {} : { method });
  const expected = methods.map((method) => ids.flatMap((id) => estimate(survey, id, { ...optionsOf(method), by })));
  const withDesign = streamableDesign(codebook.design);
  for (const workers of [1, 2]) {
    const result = await tallyFile(path, codebook, { by, workers, chunkSize, designTallies: withDesign });
    if (csv.length > 4096) expect(result.workers).toBe(workers); // a tiny file is not cut
    expect(result.report).toEqual(survey.report);
    const group = survey.answers.get(by);
    for (const id of ids) expect(plain(result.byTallies?.get(id)), id).toEqual(plain(tallyAnswers(survey.answers.get(id)!, group)));
    for (const id of ids) expect(plain(result.tallies.get(id)), id).toEqual(plain(tallyAnswers(survey.answers.get(id)!)));
    expect(result.byDesignTallies === undefined).toBe(!withDesign);
    expect(result.designTallies).toBeUndefined(); // split, a design's sums are kept per group only
    methods.forEach((method, m) => {
      const rows = estimatesFromTallies({ tallies: result.byTallies!, designTallies: result.byDesignTallies, rowsRead: result.report.rowsRead }, codebook, ids, optionsOf(method));
      expectSameEstimates(rows, expected[m] as Estimate[]);
    });
  }
  return expected[0] as Estimate[];
}

const generated = fixtureCsv({ rows: 1500, seed: 2, problems: true, quotedNewlines: true, newline: "\r\n" });
const { design: _design, ...generatedBase } = fixtureCodebook();


describe("estimate --by streamed", () => {
  it.each(FIXTURE_DESIGNS)("on the generated survey (bad values, ragged rows, skip logic, a multi-select) with %s, by sex", async (_, design) => {
    const codebook = parseCodebook({ ...generatedBase, ...(design ? { design } : {}) });
    const rows = await compare({ csv: generated, codebook, by: "sex" });
    expect(new Set(rows.map((row) => row.group?.sex))).toEqual(new Set(["F", "M"]));
  });

  it("by a filtered question (its groups as the filter leaves them), by a question a filter reads, and by age group", async () => {
    const designed = parseCodebook({ ...generatedBase, design: { weights: "weight", strata: "stratum", cluster: "psu" } });
    const plainCodebook = parseCodebook(generatedBase);
    for (const by of ["q04", "q01", "age_group"]) {
      await compare({ csv: generated, codebook: plainCodebook, by, chunkSize: 101 });
      await compare({ csv: generated, codebook: designed, by, chunkSize: 4093 });
    }
  });

  it("gives no rows for a group nobody is in, and leaves out respondents without a group", async () => {
    const codebook = parseCodebook({
      ...generatedBase,
      design: { weights: "weight", strata: "stratum", cluster: "psu" },
      questions: generatedBase.questions.map((q) =>
        q.id === "sex" ? { ...q, categories: [...(q.type === "single" ? q.categories : []), { code: "X", label: "Other", values: ["X"] }] } : q,
      ),
    });
    const rows = await compare({ csv: generated, codebook, by: "sex" });
    expect(rows.some((row) => row.group?.sex === "X")).toBe(false);
    const missingSex = generated.replace(/,F,/g, (match, offset: number) => (offset % 7 === 0 ? ",NA," : match));
    expect(missingSex.match(/,NA,/g)?.length ?? 0).toBeGreaterThan((generated.match(/,NA,/g)?.length ?? 0) + 20);
    await compare({ csv: missingSex, codebook: parseCodebook(generatedBase), by: "sex" });
  });

  const oracle = (dataset: string) => readFileSync(oracleData(`weighted_${dataset}.csv`), "utf8");
  const binary = (id: string) => ({ id, column: id, type: "binary", positive: ["1"], negative: ["0"] });
  const single = (id: string, levels: readonly string[]) => ({ id, column: id, type: "single", categories: levels.map((l) => ({ code: l, label: l, values: [l] })) });
  const groupsOf = (csv: string) => [...new Set(csv.split("\n").slice(1).filter(Boolean).map((line) => /"([^"]*)","?[01]"?,"?[01]"?,"[A-D]"$/.exec(line)?.[1] as string))].sort();

  it.each([
    ["a_unequal", { weights: "w" }, ["A", "B", "C", "D"]],
    ["b_stratified_fpc", { weights: "w", strata: "stratum", fpc: "fpc" }, ["A", "B", "C"]],
    ["c_strat_cluster", { weights: "w", strata: "stratum", cluster: "psu" }, ["A", "B", "C", "D"]],
  ] as const)("on the oracle's %s design, by group, with every design-based method that streams", async (dataset, design, cats) => {
    const csv = oracle(dataset);
    const codebook = parseCodebook({ design, questions: [binary("y1"), binary("y2"), single("cat", cats), single("group", groupsOf(csv))] });
    await compare({ csv, codebook, by: "group", methods: ["logit", "beta", "mean", "wilson", "clopper-pearson"], chunkSize: 7 });
  });

  it("matches R svyby(~y1, ~group, design, svyciprop) of the shared oracle, clustered design included", async () => {
    const cases = (JSON.parse(readFileSync(oracleRef("weighted.json"), "utf8")) as { cases: Array<{ method: string; inputs: Record<string, unknown>; outputs: Record<string, number[]> }> }).cases;
    const designs = {
      a_unequal: { weights: "w" },
      b_stratified_fpc: { weights: "w", strata: "stratum", fpc: "fpc" },
      c_strat_cluster: { weights: "w", strata: "stratum", cluster: "psu" },
    } as const;
    const svyby = cases.filter((c) => c.method.startsWith("svyby_svyciprop/") && c.inputs.variable === "y1");
    expect(svyby.filter((c) => c.inputs.dataset === "c_strat_cluster").length).toBeGreaterThan(0);
    for (const c of svyby) {
      const dataset = c.inputs.dataset as keyof typeof designs;
      const groups = c.inputs.groups as string[];
      const codebook = parseCodebook({ design: designs[dataset], questions: [binary("y1"), single("group", groups)] });
      const method = c.method.split("/")[1] as "logit";
      const { byTallies, byDesignTallies, report } = await tallyFile(new TextEncoder().encode(oracle(dataset)), codebook, { by: "group", designTallies: true, chunkSize: 13 });
      const rows = estimatesFromTallies({ tallies: byTallies!, designTallies: byDesignTallies, rowsRead: report.rowsRead }, codebook, ["y1"], { method, level: c.inputs.level as number });
      const yes = rows.filter((row) => row.category === "yes");
      expect(yes.map((row) => row.group?.group)).toEqual(groups);
      yes.forEach((row, g) => {
        for (const [ours, theirs] of [["proportion", "estimate"], ["se", "se"], ["lower", "lower"], ["upper", "upper"]] as const) {
          expect(Math.abs((row[ours] as number) - (c.outputs[theirs]![g] as number)), `${c.method} ${dataset} ${groups[g]} ${ours}`).toBeLessThan(1e-9);
        }
      });
    }
  });

  it("with lonely PSUs, under each rule, as the rows read whole", async () => {
    // Stratum H1's first PSU alone in a stratum of its own: a lonely PSU.
    const lines = oracle("c_strat_cluster").split("\n");
    const lonely = [lines[0], ...lines.slice(1).filter(Boolean).map((line) => line.replace(/^(\d+),"H1",1,/, '$1,"H0",1,'))].join("\n") + "\n";
    expect(lonely).toContain('"H0"');
    for (const lonelyPsu of ["certainty", "remove", "adjust", "average"] as const) {
      const codebook = parseCodebook({
        design: { weights: "w", strata: "stratum", cluster: "psu", lonelyPsu },
        questions: [binary("y1"), binary("y2"), single("cat", ["A", "B", "C", "D"]), single("group", ["18-34", "35-54", "55+"])],
      });
      await compare({ csv: lonely, codebook, by: "group", chunkSize: 64 });
    }
    const failing = parseCodebook({ design: { weights: "w", strata: "stratum", cluster: "psu" }, questions: [binary("y1"), single("group", ["18-34", "35-54", "55+"])] });
    const path = join(folder, "lonely.csv");
    writeFileSync(path, lonely);
    const survey = await loadSurvey(path, { codebook: failing });
    const expected = surveyErrorOf(() => estimate(survey, "y1", { by: "group" }));
    expect(expected?.code).toBe("E_LONELY_PSU");
    const { byTallies, byDesignTallies, report } = await tallyFile(path, failing, { by: "group", designTallies: true });
    const streamed = surveyErrorOf(() => estimatesFromTallies({ tallies: byTallies!, designTallies: byDesignTallies, rowsRead: report.rowsRead }, failing, ["y1"]));
    expect(streamed).toMatchObject({ code: expected?.code, message: expected?.message });
  });

  it("on the shipped Moubarak survey (its population size of 405), by position", async () => {
    const dir = join(repoRoot, "data", "moubarak-2009");
    const codebook = parseCodebook(JSON.parse(readFileSync(join(dir, "codebook.json"), "utf8")));
    const rows = await compare({ csv: readFileSync(join(dir, "responses.csv"), "utf8"), codebook, by: "position", chunkSize: 5 });
    expect(rows.every((row) => row.populationSize !== undefined)).toBe(true);
  });

  it("on malformed files: lone CRs, blank lines, every row ragged, quoted line breaks", async () => {
    const yesNo = (id: string) => ({ id, column: id, type: "single", categories: [{ code: "yes", label: "Yes", values: ["yes"] }, { code: "no", label: "No", values: ["no"] }] });
    const codebook = parseCodebook({ missing: ["NA"], questions: [yesNo("q"), yesNo("g")] });
    for (const csv of ["q,g\ryes,no\rno,yes\ryes,yes\r", "q,g\r\n\rmaybe,yes\n\r\nno,no\rperhaps,NA\nyes,\n", "q,g\nyes\nno,yes,b\n", 'g,q\n"y\nes",yes\n"no",no\nyes,"no"\r\n']) {
      await compare({ csv, codebook, by: "g", chunkSize: 3 });
    }
  });
});

describe("tallyFile's by", () => {
  const codebook = parseCodebook({
    questions: [
      { id: "q", column: "q", type: "binary", positive: ["1"], negative: ["0"] },
      { id: "age", column: "age", type: "numeric" },
      { id: "nets", column: "nets", type: "multi", separator: ";", categories: [{ code: "fb", label: "fb", values: ["fb"] }] },
    ],
  });
  const csv = "q,age,nets\n1,30,fb\n0,40,\n";

  it.each(["nope", "age", "nets"])("refuses %s as estimate() does, with the same code and message, before reading", async (by) => {
    const survey = await loadSurvey(csv, { codebook });
    const expected = surveyErrorOf(() => estimate(survey, "q", { by }));
    expect(expected?.code).toMatch(/E_UNKNOWN_QUESTION|E_ARGUMENT/);
    await expect(tallyFile("q,age,nets\n", codebook, { by })).rejects.toMatchObject({ code: expected?.code, message: expected?.message });
  });

  it("has no split tally of a numeric question, which estimatesFromTallies refuses as estimate() does", async () => {
    const survey = await loadSurvey(csv, { codebook });
    const { byTallies, report } = await tallyFile(csv, codebook, { by: "q" });
    expect([...byTallies!.keys()]).toEqual(["q", "nets"]);
    const expected = surveyErrorOf(() => estimate(survey, "age", { by: "q" }));
    const streamed = surveyErrorOf(() => estimatesFromTallies({ tallies: byTallies!, rowsRead: report.rowsRead }, codebook, ["age"]));
    expect(streamed).toMatchObject({ code: expected?.code, message: expected?.message });
  });

  it("keeps a design tally per group that addDesignRows gives from the groups' 0/1 columns", async () => {
    const designed = parseCodebook({ design: { weights: "w", cluster: "p" }, questions: [codebook.questions[0]!, { id: "g", column: "g", type: "single", categories: [{ code: "a", label: "a", values: ["a"] }, { code: "b", label: "b", values: ["b"] }] }] });
    const rows = [
      ["1", "a", "2", "p1"],
      ["0", "a", "1", "p1"],
      ["1", "b", "3", "p2"],
      ["", "b", "1", "p2"],
      ["1", "", "2", "p3"],
      ["0", "b", "1", "p3"],
    ];
    const text = `q,g,w,p\n${rows.map((row) => row.join(",")).join("\n")}\n`;
    const { byDesignTallies } = await tallyFile(text, designed, { by: "g", designTallies: true });
    // Columns per group g: [answered ∧ g, yes ∧ g, no ∧ g].
    const column = (test: (row: string[]) => boolean) => rows.map((row) => (test(row) ? 1 : 0));
    const columns = ["a", "b"].flatMap((g) => [
      column((row) => row[0] !== "" && row[1] === g),
      column((row) => row[0] === "1" && row[1] === g),
      column((row) => row[0] === "0" && row[1] === g),
    ]);
    const reference = addDesignRows(createDesignTally(6, true), { columns, weights: rows.map((row) => Number(row[2])), cluster: rows.map((row) => row[3] as string) });
    const shape = (tally: DesignTally) => ({
      columns: tally.columns,
      rows: tally.rows,
      sumW: tally.sumW,
      sumWU2: Array.from(tally.sumWU2),
      sumW2U2: Array.from(tally.sumW2U2),
      rowsNonzero: Array.from(tally.rowsNonzero),
      strata: [...tally.strata.values()].map((s) => ({ key: s.key, rows: s.rows, open: [...s.open], psuTotals: Array.from(s.psuTotals.subarray(0, 2 * tally.columns * s.open.size)) })),
    });
    expect(shape(byDesignTallies!.get("q")!)).toEqual(shape(reference));
  });
});
