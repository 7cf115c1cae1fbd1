import { describe, expect, it } from "vitest";
import { SurveyError } from "../../../src/errors";
import {
  calibratedEstimate,
  designMean,
  designMeans,
  designTotal,
  domainMeans,
  estimateFromTally,
  kishEffectiveN,
  postStratify,
  rake,
  type RakeMargin,
} from "../../../src/stats/design";
import { addDesignRows, createDesignTally, finalizeDesignTally, mergeDesignTallies, type DesignTally } from "../../../src/tally/designTally";
import { expectClose } from "../oracle";
import { designOf, readOracleCsv, variable } from "./oracleData";

function expectSurveyError(fn: () => unknown, code: string, details: { row?: number; column?: string } = {}): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(SurveyError);
  const e = caught as SurveyError;
  expect(e.code).toBe(code);
  if (details.row !== undefined) expect(e.row).toBe(details.row);
  if (details.column !== undefined) expect(e.column).toBe(details.column);
}

describe("coded errors with row and column", () => {
  const y = [1, 0, 1, 1];
  it("negative, missing and non-finite weights: E_BAD_WEIGHT at the spreadsheet row", () => {
    expectSurveyError(() => designMean({ y, weights: [1, 2, -1, 1], names: { weights: "w" } }), "E_BAD_WEIGHT", { row: 4, column: "w" });
    expectSurveyError(() => designMean({ y, weights: [1, Number.NaN, 1, 1] }), "E_BAD_WEIGHT", { row: 3, column: "weights" });
    expectSurveyError(() => designMean({ y, weights: [1, 1, 1, Number.POSITIVE_INFINITY] }), "E_BAD_WEIGHT", { row: 5 });
    expectSurveyError(() => kishEffectiveN([1, -2], { column: "w" }), "E_BAD_WEIGHT", { row: 3, column: "w" });
    expectSurveyError(() => postStratify({ weights: [1, -1], postStrata: ["a", "b"], population: { a: 1, b: 1 } }), "E_BAD_WEIGHT", { row: 3 });
  });
  it("a stratum with a single PSU: E_LONELY_PSU by default, naming the stratum's first row", () => {
    expectSurveyError(
      () => designMean({ y, strata: ["A", "A", "B", "A"], names: { strata: "stratum" } }),
      "E_LONELY_PSU",
      { row: 4, column: "stratum" },
    );
    expectSurveyError(() => designMean({ y, strata: ["A", "A", "B", "B"], cluster: [1, 2, 3, 3] }), "E_LONELY_PSU", { row: 4 });
  });
  it("fpc smaller than the sample, varying within a stratum, or not positive: E_FPC", () => {
    expectSurveyError(() => designMean({ y, fpc: 3, names: { fpc: "N" } }), "E_FPC", { row: 2, column: "N" });
    expectSurveyError(() => designMean({ y, strata: ["A", "A", "B", "B"], fpc: [10, 10, 20, 1] }), "E_FPC", { row: 5 });
    expectSurveyError(() => designMean({ y, strata: ["A", "A", "B", "B"], fpc: [10, 10, 1, 1] }), "E_FPC", { row: 4 });
    expectSurveyError(() => designMean({ y, fpc: [10, 10, 0, 10] }), "E_FPC", { row: 4 });
  });
  it("bad arguments: E_ARGUMENT", () => {
    expectSurveyError(() => designMean({ y: [1, Number.NaN], names: { columns: ["a", "fb"] } }), "E_ARGUMENT", { row: 3, column: "fb" });
    expectSurveyError(() => designMean({ y, weights: [1, 1] }), "E_ARGUMENT");
    expectSurveyError(() => designMean({ y, domain: [false, false, false, false] }), "E_ARGUMENT");
    expectSurveyError(() => designMean({ y, lonelyPsu: "drop" as never }), "E_ARGUMENT");
    expectSurveyError(() => designMean({ y: [] }), "E_ARGUMENT");
  });
});

describe("lonely PSU options", () => {
  // Stratum B has one PSU; A and C have the same data, so their variance contributions are equal.
  const y = [1, 0, 1, 5, 0, 1, 1];
  const strata = ["A", "A", "A", "B", "C", "C", "C"];
  const y2 = [1, 0, 1, 0, 1, 0, 1];
  const onlyOk = (values: number[]) => designTotal({ y: values.filter((_, i) => strata[i] !== "B"), strata: strata.filter((s) => s !== "B") });
  it('"certainty" and "remove" leave the stratum out of the variance', () => {
    const expected = onlyOk(y).variance;
    expectClose(designTotal({ y, strata, lonelyPsu: "certainty" }).variance, expected, 1e-14);
    expectClose(designTotal({ y, strata, lonelyPsu: "remove" }).variance, expected, 1e-14);
  });
  it('"average" scales by #strata / #strata with 2+ PSUs', () => {
    expectClose(designTotal({ y, strata, lonelyPsu: "average" }).variance, (onlyOk(y).variance * 3) / 2, 1e-14);
  });
  it('"adjust" centres the lonely PSU at the mean PSU total of the sample', () => {
    const grand = y.reduce((a, b) => a + b, 0) / y.length;
    expectClose(designTotal({ y, strata, lonelyPsu: "adjust" }).variance, onlyOk(y).variance + (5 - grand) ** 2, 1e-14);
    // For a mean the influence values sum to zero, so the centre is 0.
    const m = designMean({ y: y2, strata, lonelyPsu: "adjust" });
    const W = 7;
    const z = (y2[3]! - m.estimate) / W;
    const ok = designMean({ y: y2, strata, lonelyPsu: "certainty" });
    expectClose(m.variance, ok.variance + z * z, 1e-14);
  });
});

describe("mergeable design tally", () => {
  const rows = readOracleCsv("data/weighted_c_strat_cluster.csv");
  const design = designOf("c_strat_cluster", rows);
  const columns = [Float64Array.from(rows, () => 1), variable(rows, "y1"), variable(rows, "cat==A")];
  const slice = (from: number, to: number) => ({
    columns: columns.map((c) => c.slice(from, to)),
    weights: design.weights!.slice(from, to),
    strata: design.strata!.slice(from, to),
    cluster: design.cluster!.slice(from, to),
  });
  const tallyOf = (from: number, to: number): DesignTally => addDesignRows(createDesignTally(3, true), slice(from, to), { rowOffset: from });

  it("chunks (splitting PSUs between them) merge to the whole-data estimate and SE", () => {
    const whole = finalizeDesignTally(tallyOf(0, rows.length));
    const cuts = [0, 7, 23, 24, 60, rows.length];
    let merged = tallyOf(cuts[0]!, cuts[1]!);
    for (let k = 1; k < cuts.length - 1; k++) merged = mergeDesignTallies(merged, tallyOf(cuts[k]!, cuts[k + 1]!));
    const parts = finalizeDesignTally(merged);
    expect(parts.nPsu).toBe(whole.nPsu);
    expect(parts.df).toBe(whole.df);
    for (const a of [1, 2]) {
      const w = estimateFromTally(whole, a, 0, "mean");
      const p = estimateFromTally(parts, a, 0, "mean");
      expectClose(p.estimate, w.estimate, 1e-13, "estimate");
      expectClose(p.se, w.se, 1e-12, "se");
      expectClose(p.deff, w.deff, 1e-12, "deff");
      expect(p.df).toBe(w.df);
    }
    const direct = designMean({ ...design, y: variable(rows, "y1") });
    expectClose(estimateFromTally(parts, 1, 0, "mean").se, direct.se, 1e-12, "se vs designMean");
  });

  it("unclustered chunks merge too, and a bad row in a later chunk reports its own spreadsheet row", () => {
    const b = readOracleCsv("data/weighted_b_stratified_fpc.csv");
    const d = designOf("b_stratified_fpc", b);
    const y = variable(b, "y1");
    const one = Float64Array.from(b, () => 1);
    const chunk = (from: number, to: number) =>
      addDesignRows(
        createDesignTally(2, false),
        { columns: [one.slice(from, to), y.slice(from, to)], weights: d.weights!.slice(from, to), strata: d.strata!.slice(from, to), fpc: (d.fpc as Float64Array).slice(from, to) },
        { rowOffset: from },
      );
    const merged = finalizeDesignTally(mergeDesignTallies(chunk(0, 40), chunk(40, b.length)));
    const direct = designMean({ ...d, y });
    const est = estimateFromTally(merged, 1, 0, "mean");
    expectClose(est.estimate, direct.estimate, 1e-13, "estimate");
    expectClose(est.se, direct.se, 1e-12, "se");
    const bad = Float64Array.from(d.weights!);
    bad[45] = -1;
    expectSurveyError(
      () => addDesignRows(createDesignTally(2, false), { columns: [one.slice(40), y.slice(40)], weights: bad.slice(40) }, { rowOffset: 40 }),
      "E_BAD_WEIGHT",
      { row: 47 },
    );
  });
});

describe("domains and several variables", () => {
  const rows = readOracleCsv("data/weighted_c_strat_cluster.csv");
  const design = designOf("c_strat_cluster", rows);
  it("an all-true domain equals the full-sample estimate; designMeans equals designMean one by one", () => {
    const y = variable(rows, "y1");
    const full = designMean({ ...design, y });
    const all = designMean({ ...design, y, domain: rows.map(() => true) });
    expect(all).toEqual(full);
    const both = designMeans({ ...design, ys: [y, variable(rows, "y2")] });
    expect(both[0]).toEqual(full);
    expect(both[1]).toEqual(designMean({ ...design, y: variable(rows, "y2") }));
  });
  it("a domain mask gives the same estimate as domainMeans' group", () => {
    const y = variable(rows, "y1");
    const by = rows.map((r) => r.group!);
    const groups = domainMeans({ ...design, y, by });
    for (const g of groups) {
      const masked = designMean({ ...design, y, domain: by.map((b) => b === g.group) });
      expectClose(masked.estimate, g.estimate, 1e-14);
      expectClose(masked.se, g.se, 1e-14);
      expect(masked.df).toBe(g.df);
    }
  });
});

describe("post-stratification and raking", () => {
  // 12 respondents, 405 residents and fellows in the population (sex × position).
  const sex = ["F", "F", "F", "F", "F", "M", "M", "M", "M", "M", "M", "M"];
  const position = ["res", "res", "fel", "fel", "res", "res", "fel", "fel", "fel", "res", "res", "fel"];
  const y = [1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  it("postStratify makes each cell's weights add up to its population count", () => {
    const cells = sex.map((s, i) => `${s}.${position[i]}`);
    const population = { "F.res": 120, "F.fel": 80, "M.res": 110, "M.fel": 95 };
    const result = postStratify({ postStrata: cells, population });
    expect(result.converged).toBe(true);
    for (const [cell, N] of Object.entries(population)) {
      const sum = cells.reduce((s, c, i) => (c === cell ? s + result.weights[i]! : s), 0);
      expectClose(sum, N, 1e-14, cell);
    }
    expect(result.maxDiscrepancy).toBeLessThan(1e-12);
    // SRS post-stratified: V = n/(n−1) Σ_i (w_i (y_i − ȳ_c)/N)², the residuals from the cell means.
    const est = calibratedEstimate({ y, calibration: result });
    const N = 405;
    const n = y.length;
    const means = new Map<string, number>();
    for (const cell of Object.keys(population)) {
      const idx = cells.flatMap((c, i) => (c === cell ? [i] : []));
      means.set(cell, idx.reduce((s, i) => s + y[i]!, 0) / idx.length);
    }
    const expected = (n / (n - 1)) * cells.reduce((s, c, i) => s + ((result.weights[i]! * (y[i]! - means.get(c)!)) / N) ** 2, 0);
    expectClose(est.variance, expected, 1e-13, "post-stratified variance");
    expectClose(est.estimate, [...means].reduce((s, [c, m]) => s + (population[c as keyof typeof population] * m) / N, 0), 1e-14, "estimate");
  });
  it("rake matches both margins and reports convergence; one cycle on a non-separable table does not converge", () => {
    const margins: RakeMargin[] = [
      { ids: sex, population: { F: 200, M: 205 }, name: "sex" },
      { ids: position, population: { res: 230, fel: 175 }, name: "position" },
    ];
    const result = rake({ margins, epsilon: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.maxDiscrepancy).toBeLessThanOrEqual(1e-6);
    expect(result.iterations).toBeGreaterThan(1);
    for (const m of margins) {
      for (const [cell, N] of Object.entries(m.population as Record<string, number>)) {
        const sum = m.ids.reduce<number>((s, c, i) => (c === cell ? s + result.weights[i]! : s), 0);
        expect(Math.abs(sum - N)).toBeLessThanOrEqual(result.maxDiscrepancy * (1 + 1e-9));
      }
    }
    const once = rake({ margins, maxIterations: 1 });
    expect(once.iterations).toBe(1);
    expect(once.converged).toBe(false);
    expect(once.maxDiscrepancy).toBeGreaterThan(0);
    const est = calibratedEstimate({ y, calibration: result });
    expect(est.se).toBeGreaterThan(0);
  });
  it("bad margins: a sampled value without a count (E_BAD_VALUE with its row), a count without rows, unequal totals", () => {
    expectSurveyError(() => postStratify({ postStrata: ["a", "b", "c"], population: { a: 1, b: 2 }, names: { postStrata: "pos" } }), "E_BAD_VALUE", { row: 4, column: "pos" });
    expectSurveyError(() => postStratify({ postStrata: ["a", "b"], population: { a: 1, b: 2, c: 3 } }), "E_ARGUMENT");
    expectSurveyError(() => rake({ margins: [{ ids: ["a", "b"], population: { a: 1, b: 2 } }, { ids: ["x", "y"], population: { x: 1, y: 1 } }] }), "E_ARGUMENT");
  });
});

describe("PSU ids numbered within strata", () => {
  it("the same PSU id in two strata (consecutive rows) are two PSUs", () => {
    const y = [1, 0, 1, 1, 0, 0, 1, 0];
    const strata = ["A", "A", "A", "B", "B", "B", "B", "B"];
    const cluster = [1, 2, 2, 2, 2, 3, 3, 1];
    const nested = designMean({ y, strata, cluster });
    const unique = designMean({ y, strata, cluster: cluster.map((c, i) => `${strata[i]}-${c}`) });
    expect(nested).toEqual(unique);
    expect(nested.df).toBe(5 - 2);
  });
});

describe("numerical stability", () => {
  it("a mean far from zero keeps its SE (shift invariance) and its estimate", () => {
    const rows = readOracleCsv("data/weighted_c_strat_cluster.csv");
    const design = designOf("c_strat_cluster", rows);
    const y = Float64Array.from(rows, (r, i) => Number(r.y1) + (i % 7) * 0.25);
    const big = y.map((v) => v + 1e9);
    const a = designMean({ ...design, y });
    const b = designMean({ ...design, y: big });
    expectClose(b.estimate, a.estimate + 1e9, 1e-15, "estimate");
    expectClose(b.se, a.se, 1e-9, "se");
    expectClose(b.deff, a.deff, 1e-9, "deff");
    const by = rows.map((r) => r.group!);
    const ga = domainMeans({ ...design, y, by });
    const gb = domainMeans({ ...design, y: big, by });
    ga.forEach((g, i) => expectClose(gb[i]!.se, g.se, 1e-9, `${g.group} se`));
  });
});

describe("calibrated estimates far from zero", () => {
  it("shifting y by 1e9 shifts the post-stratified mean and keeps SE and deff", () => {
    const cells = ["a", "a", "a", "b", "b", "b", "b"];
    const y = [3, 5, 4, 10, 12, 11, 15];
    const calibration = postStratify({ postStrata: cells, population: { a: 30, b: 70 } });
    const base = calibratedEstimate({ y, calibration });
    const big = calibratedEstimate({ y: y.map((v) => v + 1e9), calibration });
    expectClose(big.estimate, base.estimate + 1e9, 1e-15, "estimate");
    expectClose(big.se, base.se, 1e-9, "se");
    expectClose(big.deff, base.deff, 1e-9, "deff");
  });
});

describe("certainty PSUs", () => {
  it("a single-PSU stratum whose fpc equals 1 is a certainty unit, not an error", () => {
    const y = [1, 0, 1, 1, 0];
    const strata = ["A", "A", "A", "B", "B"];
    const cluster = [1, 2, 3, 1, 1];
    const fpc = [10, 10, 10, 1, 1];
    const withCertainty = designMean({ y, strata, cluster, fpc });
    expect(Number.isFinite(withCertainty.se)).toBe(true);
    expectSurveyError(() => designMean({ y, strata, cluster }), "E_LONELY_PSU", { row: 5 });
  });
});
