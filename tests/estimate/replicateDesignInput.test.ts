import { describe, expect, it } from "vitest";
import { estimate, estimateMean, estimateQuantiles, loadSurvey, parseCodebook, streamableDesign, type Codebook, type DesignSpec } from "../../src";
import { SurveyError } from "../../src/errors";
import { replicateDf, replicateVariance } from "../../src/stats/design";
import { codebookErrorOf } from "../codebook/codebookErrorOf";

const csv = ["id,answer,size,pw,rw1,rw2,rw3", "1,yes,10,2,0,3,3", "2,no,20,2,3,0,3", "3,yes,30,2,3,3,0", "4,no,40,2,3,3,3"].join("\n");
const questions: Codebook["questions"] = [
  { id: "answer", column: "answer", type: "binary", positive: ["yes"], negative: ["no"] },
  { id: "size", column: "size", type: "numeric" },
];
/** A JK1 codebook with the given changes (some of them invalid: the type is the caller's claim). */
const jk1 = (replicates: Record<string, unknown> = {}, design: Record<string, unknown> = {}): Codebook =>
  ({ design: { weights: "pw", replicates: { columns: ["rw1", "rw2", "rw3"], type: "JK1", ...replicates }, ...design }, questions }) as Codebook;


describe("design.replicates in the codebook", () => {
  it("accepts columns by name or by pattern", () => {
    expect(parseCodebook(jk1()).design?.replicates?.type).toBe("JK1");
    expect(parseCodebook(jk1({ columns: { pattern: "^rw\\d+$" } })).design?.replicates?.columns).toEqual({ pattern: "^rw\\d+$" });
  });

  it.each([
    ["one column", jk1({ columns: ["rw1"] }), "design.replicates.columns", /at least two/],
    ["a bad pattern", jk1({ columns: { pattern: "rw(" } }), "design.replicates.columns.pattern", /not a regular expression/],
    ["an unknown type", jk1({ type: "JK3" }), "design.replicates.type", /one of JK1, JKn/],
    ["JKn without rscales", jk1({ type: "JKn" }), "design.replicates.rscales", /JKn replicate weights need rscales/],
    ["BRR with a scale", jk1({ type: "BRR", scale: 0.5 }), "design.replicates.scale", /set by the type/],
    ["Fay without rho", jk1({ type: "Fay" }), "design.replicates.rho", /Fay's coefficient/],
    ["rho beside JK1", jk1({ rho: 0.5 }), "design.replicates.rho", /does not use it/],
    ["negative rscales", jk1({ rscales: [1, -1, 1] }), "design.replicates.rscales", /non-negative/],
    ["rscales of the wrong length", jk1({ rscales: [1, 1] }), "design.replicates.rscales", /2 entries for 3/],
    ["mse as a word", jk1({ mse: "yes" }), "design.replicates.mse", /true or false/],
    ["no full-sample weights", { design: { replicates: { columns: ["rw1", "rw2"], type: "JK1" } }, questions }, "design.weights", /full-sample weights/],
    ["strata beside replicates", jk1({}, { strata: "id" }), "design.strata", /carried by the replicate weights/],
  ])("refuses %s, naming its JSON path", (_, json, path, message) => {
    const error = codebookErrorOf(json);
    expect(error.code).toBe("E_CODEBOOK");
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe("reading the replicate columns", () => {
  it("E_BAD_WEIGHT names the row, column and value of a replicate weight that is not a number", async () => {
    const bad = csv.replace("3,yes,30,2,3,3,0", "3,yes,30,2,3,n/a,0");
    const error = await loadSurvey(bad, { codebook: jk1() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SurveyError);
    expect(error).toMatchObject({ code: "E_BAD_WEIGHT", row: 4, column: "rw2", value: "n/a" });
  });

  it("a pattern takes the matching columns in file order; one that matches fewer than two is E_CODEBOOK", async () => {
    const survey = await loadSurvey(csv, { codebook: jk1({ columns: { pattern: "^rw" } }) });
    expect(survey.designColumns?.replicates?.names).toEqual(["rw1", "rw2", "rw3"]);
    const error = await loadSurvey(csv, { codebook: jk1({ columns: { pattern: "^rw1$" } }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "E_CODEBOOK", path: "design.replicates.columns.pattern" });
  });

  it("a named column the file lacks is E_CODEBOOK naming it", async () => {
    const error = await loadSurvey(csv, { codebook: jk1({ columns: ["rw1", "rw9"] }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "E_CODEBOOK", column: "rw9", path: "design.replicates.columns" });
  });
});

describe("the replicate variance by hand", () => {
  // JK1 with 3 replicates, each leaving one of the first three rows out: the proportion of "yes".
  it("is (R − 1)/R · Σ (θ_r − θ̄)² around the replicates' mean, and df = rank − 1", async () => {
    const survey = await loadSurvey(csv, { codebook: jk1() });
    const thetas = [3 / 9, 6 / 9, 3 / 9]; // "yes" (rows 1 and 3) under rw1, rw2, rw3
    const mean = thetas.reduce((a, b) => a + b) / 3;
    const variance = (2 / 3) * thetas.reduce((a, t) => a + (t - mean) ** 2, 0);
    const [yes] = estimate(survey, "answer", { method: "mean" });
    expect(yes!.proportion).toBe(0.5);
    expect(yes!.se).toBeCloseTo(Math.sqrt(variance), 14);
    expect(replicateVariance(thetas, 0.5, { scale: 2 / 3, rscales: [1, 1, 1], mse: true })).toBeCloseTo((2 / 3) * thetas.reduce((a, t) => a + (t - 0.5) ** 2, 0), 14);
    expect(replicateDf([[0, 3, 3, 3], [3, 0, 3, 3], [3, 3, 0, 3]])).toBe(2);
    expect(replicateDf([[1, 2, 3], [2, 4, 6], [1, 1, 1]])).toBe(1);
  });

  it("drops a replicate whose domain is empty, as R's na.omit", () => {
    expect(replicateVariance([0.2, Number.NaN, 0.4], 0.3, { scale: 1, rscales: [1, 1, 1], mse: false })).toBeCloseTo(0.02, 14);
  });
});

describe("what replicate designs do not do yet says so", () => {
  it("the likelihood interval, quantiles and streaming (crosstab's tests: raoScottCalibratedReplicate.test.ts)", async () => {
    const survey = await loadSurvey(csv, { codebook: jk1() });
    expect(() => estimate(survey, "answer", { method: "likelihood" })).toThrow(/not available on a replicate-weight design/);
    expect(() => estimateQuantiles(survey, "size")).toThrow(/replicate-weight design/);
    expect(streamableDesign(jk1().design as DesignSpec)).toBe(false);
    expect(estimateMean(survey, "size")[0]!.df).toBe(2);
  });
});
