import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCodebook, type DesignSpec } from "../../src/codebook";
import { calibrationOf, estimate } from "../../src/estimate";
import { parseCsv } from "../../src/load";
import { surveyFromTable, type Survey } from "../../src/survey";
import { oracleData, oracleRef } from "../paths";
import { loadOracle } from "../stats/oracle";
import { calibrationCases, domainLikelihoodCases, populationOf } from "../reference/r-survey/reference";

/**
 * `estimate()` on a weighted, stratified or clustered survey loaded from CSV with a codebook,
 * against R survey 4.1-1's svyciprop and svyby(…, svyciprop) in tests/oracle/ref/weighted.json.
 */

interface OracleCase {
  method: string;
  split: string;
  inputs: { dataset: string; variable: string; method: string; level: number; by?: string; groups?: string[] };
  outputs: { estimate: number | number[]; se?: number | number[]; lower: number | number[]; upper: number | number[] };
}

const DESIGNS: Record<string, DesignSpec> = {
  a_unequal: { weights: "w" },
  b_stratified_fpc: { weights: "w", strata: "stratum", fpc: "fpc" },
  c_strat_cluster: { weights: "w", strata: "stratum", cluster: "psu" },
};

function surveyOf(dataset: string, design: DesignSpec = DESIGNS[dataset] as DesignSpec): Survey {
  const table = parseCsv(readFileSync(oracleData(`weighted_${dataset}.csv`), "utf8"));
  const levels = (column: string) => [...new Set(table.rows.map((row) => row[table.header.indexOf(column)] as string))].sort();
  const single = (id: string) => ({
    id, column: id, type: "single",
    categories: levels(id).map((level) => ({ code: level, label: level, values: [level] })),
  });
  const binary = (id: string) => ({ id, column: id, type: "binary", positive: ["1"], negative: ["0"] });
  const codebook = parseCodebook({
    design,
    questions: [binary("y1"), binary("y2"), single("cat"), single("group")],
  });
  return surveyFromTable(table, codebook);
}

const surveys = new Map(Object.keys(DESIGNS).map((name) => [name, surveyOf(name)]));
const cases = (JSON.parse(readFileSync(oracleRef("weighted.json"), "utf8")) as { cases: OracleCase[] }).cases.filter(
  (c) => c.split === "visible" && /^(svyby_)?svyciprop\//.test(c.method),
);

/** "y1" → question y1, answer yes; "cat==L" → question cat, category L. */
function target(variable: string): { question: string; category: string } {
  const [question, category] = variable.split("==");
  return { question: question as string, category: category ?? "yes" };
}

const close = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

describe("estimate() on complex designs, against R svyciprop / svyby (weighted.json)", () => {
  it("covers the visible svyciprop and svyby cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });

  for (const c of cases) {
    const { dataset, variable, method, level, by } = c.inputs;
    it(`${c.method} ${dataset} ${variable}${by ? ` by ${by}` : ""} at ${level}`, () => {
      const survey = surveys.get(dataset) as Survey;
      const { question, category } = target(variable);
      const rows = estimate(survey, question, { method: method as never, level, ...(by ? { by } : {}) }).filter(
        (row) => row.category === category,
      );
      const expected = (value: number | number[]) => [value].flat();
      const estimates = expected(c.outputs.estimate);
      expect(rows).toHaveLength(estimates.length);
      rows.forEach((row, g) => {
        if (by) expect(row.group?.[by]).toBe(c.inputs.groups?.[g]);
        close(row.proportion, estimates[g] as number, 1e-8);
        if (c.outputs.se !== undefined) close(row.se as number, expected(c.outputs.se)[g] as number, 1e-8);
        close(row.lower, expected(c.outputs.lower)[g] as number, 1e-6);
        close(row.upper, expected(c.outputs.upper)[g] as number, 1e-6);
        expect(row.method).toBe(method);
        expect(row.weightedBase).toBeGreaterThan(row.base);
      });
    });
  }

  // svyby(~y1, ~group, svyciprop, method = "likelihood"): R survey run here (tests/reference/r-survey)
  const domainLikelihood = domainLikelihoodCases;
  for (const c of domainLikelihood) {
    it(`svyby svyciprop/likelihood ${c.dataset} y1 by group at ${c.level[0]} (R survey run here)`, () => {
      const rows = estimate(surveys.get(c.dataset) as Survey, "y1", { method: "likelihood", level: c.level[0], by: "group" }).filter((row) => row.category === "yes");
      expect(rows.map((row) => row.group?.group)).toEqual(c.groups);
      rows.forEach((row, g) => {
        close(row.proportion, c.estimate[g]!, 1e-8);
        close(row.lower, c.lower[g]!, 1e-6);
        close(row.upper, c.upper[g]!, 1e-6);
      });
    });
  }

  // postStratify / rake named in the codebook: R survey run here (tests/reference/r-survey)
  const calibrations = calibrationCases.filter((c) => !c.calibration.includes("epsilon"));
  for (const c of calibrations) {
    it(`codebook calibration ${c.calibration} on ${c.dataset} (R survey run here)`, () => {
      const group = { column: "group", population: populationOf(c.group_levels, c.group_counts) };
      const cat = { column: "cat", population: populationOf(c.cat_levels, c.cat_counts) };
      const calibration = c.calibration === "postStratify(group)" ? { method: "postStratify" as const, margins: [group] } : { method: "rake" as const, margins: [group, cat] };
      const survey = surveyOf(c.dataset, { ...(DESIGNS[c.dataset] as DesignSpec), calibration });
      const calibrated = calibrationOf(survey);
      expect(calibrated?.kind).toBe(calibration.method);
      const [yes] = estimate(survey, "y1", { method: "logit" }).filter((row) => row.category === "yes");
      close(yes!.proportion, c.mean[0], 1e-8);
      close(yes!.se as number, c.mean_se[0], 1e-8);
      close(yes!.lower, c.logit_lower[0], 1e-6);
      close(yes!.upper, c.logit_upper[0], 1e-6);
      close(yes!.weightedBase as number, 100000, 1e-12);
      const byCat = estimate(survey, "y1", { by: "cat" }).filter((row) => row.category === "yes");
      expect(byCat.map((row) => row.group?.cat)).toEqual(c.by_cat_groups);
      byCat.forEach((row, g) => {
        close(row.proportion, c.by_cat_estimate[g]!, 1e-8);
        close(row.se as number, c.by_cat_se[g]!, 1e-8);
      });
    });
  }

  it("names the row, column and value of a respondent whose margin value has no population count", () => {
    const design: DesignSpec = { weights: "w", calibration: { method: "rake", margins: [{ column: "group", population: { g1: 10, g2: 20 } }, { column: "cat", population: { A: 30 } }] } };
    expect(() => surveyOf("a_unequal", design)).toThrowError(expect.objectContaining({ code: "E_BAD_VALUE", row: 3, column: "group", value: "g3" }));
  });

  it("refuses an interval method that has no design-based form", () => {
    expect(() => estimate(surveys.get("a_unequal") as Survey, "y1", { method: "jeffreys" })).toThrowError(
      expect.objectContaining({ code: "E_ARGUMENT", message: expect.stringContaining("method") }),
    );
    expect(() => estimate(surveys.get("a_unequal") as Survey, "y1", { method: "wilson-cc" })).toThrowError(
      expect.objectContaining({ code: "E_ARGUMENT", message: expect.stringContaining("method") }),
    );
    // "wilson" has one since survey 4.5 (tests/estimate/svycipropWilson.test.ts)
    expect(estimate(surveys.get("a_unequal") as Survey, "y1", { method: "wilson" })[0]?.method).toBe("wilson");
  });

  it("names the row, column and value of a weight that is not a number", () => {
    const codebook = parseCodebook({ design: { weights: "w" }, questions: [{ id: "y", column: "y", type: "binary", positive: ["1"], negative: ["0"] }] });
    expect(() => surveyFromTable(parseCsv("y,w\n1,2.5\n0,abc\n"), codebook)).toThrowError(
      expect.objectContaining({ code: "E_BAD_WEIGHT", row: 3, column: "w", value: "abc" }),
    );
  });
});

describe("estimate() on a simple random sample with svyciprop's own methods (finite_population.json)", () => {
  // R: svydesign(ids = ~1, fpc = ~N) and svyciprop(~y, design, method, level) on x ones and n − x zeros
  const fpcCases = loadOracle("finite_population.json").filter((c) => {
    const [x, n, N] = [c.inputs.x, c.inputs.n, c.inputs.N].map(Number) as [number, number, number];
    return c.method !== "logit" && c.outputs.lower !== null && x > 0 && x < n && n < N;
  });
  it("covers the non-degenerate cases of every method but logit (which means proportionCI's logit)", () => expect(fpcCases.length).toBeGreaterThanOrEqual(40));
  it("names both families of methods when the method is unknown", () => {
    const codebook = parseCodebook({ design: { populationSize: 405 }, questions: [{ id: "y", column: "y", type: "binary", positive: ["1"], negative: ["0"] }] });
    const survey = surveyFromTable(parseCsv("y\n1\n0\n1\n"), codebook);
    expect(() => estimate(survey, "y", { method: "profile" as never })).toThrowError(
      expect.objectContaining({ code: "E_ARGUMENT", message: expect.stringContaining("wilson-cc, agresti-coull, clopper-pearson, jeffreys, logit, xlogit, beta, mean, asin, likelihood (got profile)") }),
    );
  });
  for (const c of fpcCases) {
    const [x, n, N, level] = [c.inputs.x, c.inputs.n, c.inputs.N, c.inputs.level].map(Number) as [number, number, number, number];
    it(`${c.method} ${x}/${n} of ${N} at ${level}`, () => {
      const csv = `y\n${Array.from({ length: n }, (_, i) => (i < x ? "1" : "0")).join("\n")}\n`;
      const codebook = parseCodebook({ design: { populationSize: N }, questions: [{ id: "y", column: "y", type: "binary", positive: ["1"], negative: ["0"] }] });
      const [yes] = estimate(surveyFromTable(parseCsv(csv), codebook), "y", { method: c.method as never, level });
      close(yes!.proportion, x / n, 1e-14);
      close(yes!.lower, Math.max(0, Number(c.outputs.lower)), 1e-8); // R leaves "mean" unclipped
      close(yes!.upper, Math.min(1, Number(c.outputs.upper)), 1e-8);
    });
  }
});
