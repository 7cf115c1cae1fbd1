import { describe, expect, it } from "vitest";
import { crosstab } from "../../src/estimate";
import { toMarkdown } from "../../src/report";
import { expectClose, loadOracle, num } from "../stats/oracle";
import { positiveMargins, surveyOfTable, svychisqSurvey, expectSvychisq } from "./crosstabSurveys";

/**
 * crosstab() on surveys built from the oracle's tables (scipy chi2_contingency, R fisher.test)
 * and its weighted CSVs (R survey svychisq): the test of independence through the survey layer.
 */
describe("crosstab on a simple random sample", () => {
  const pearson = loadOracle("tables.json").filter((c) => c.method === "chi2_contingency" && positiveMargins(c.inputs.table as number[][]));
  it("covers the chi2_contingency cases", () => expect(pearson.length).toBeGreaterThanOrEqual(8));
  for (const c of pearson) {
    it(`Pearson ${JSON.stringify(c.inputs.table)} correction=${String(c.inputs.correction)}`, () => {
      const table = c.inputs.table as number[][];
      const { test, estimates } = crosstab(surveyOfTable(table), "r", "c", { test: "pearson", correction: c.inputs.correction as boolean });
      expect(test.method).toBe("pearson");
      expectClose(test.statistic!, num(c.outputs.statistic), 1e-10, "statistic");
      expectClose(test.pValue, num(c.outputs.p_value), 1e-10, "p");
      expect(test.df).toBe(num(c.outputs.dof));
      expect(test.n).toBe(table.flat().reduce((a, b) => a + b, 0));
      expect(estimates).toHaveLength(table.length * table[0]!.length);
    });
  }

  for (const c of loadOracle("tables.json").filter((k) => k.method === "fisher_rxc" && positiveMargins(k.inputs.table as number[][]))) {
    it(`Fisher ${JSON.stringify(c.inputs.table)}`, () => {
      const { test } = crosstab(surveyOfTable(c.inputs.table as number[][]), "r", "c", { test: "fisher" });
      expectClose(test.pValue, num(c.outputs.p_value), 1e-10, "p");
    });
  }

  it("leaves categories nobody chose out of the test, and refuses a design-only test", () => {
    const survey = surveyOfTable([[12, 0, 5], [7, 0, 9], [0, 0, 0]]);
    const { test } = crosstab(survey, "r", "c");
    expect([test.rowLevels, test.colLevels]).toEqual([["0", "1"], ["0", "2"]]);
    expect(test.df).toBe(1);
    expect(() => crosstab(survey, "r", "c", { test: "F" })).toThrowError(expect.objectContaining({ code: "E_ARGUMENT", message: expect.stringContaining("pearson or fisher") }));
    expect(() => crosstab(surveyOfTable([[3, 4], [0, 0]]), "r", "c")).toThrowError(expect.objectContaining({ code: "E_ARGUMENT", message: expect.stringContaining("two chosen categories") }));
  });
});

describe("crosstab on a design (weighted.json svychisq)", () => {
  const cases = loadOracle("weighted.json").filter((c) => c.method === "svychisq/F" || c.method === "svychisq/Chisq");
  it("covers the Rao–Scott cases", () => expect(cases.length).toBeGreaterThanOrEqual(4));
  for (const c of cases) {
    it(c.id, () => {
      const dataset = c.inputs.dataset as string;
      const [a, b] = c.inputs.variables as [string, string];
      const survey = svychisqSurvey(c);
      const statistic = c.method.split("/")[1] as "F" | "Chisq";
      const { test } = crosstab(survey, a, b, { test: statistic });
      expect(test.method).toBe(statistic === "F" ? "rao-scott-F" : "rao-scott-chisq");
      expectSvychisq(test, c);
      expect(() => crosstab(survey, a, b, { test: "pearson" })).toThrowError(expect.objectContaining({ code: "E_ARGUMENT", message: expect.stringContaining("Rao–Scott") }));
      if (dataset === "b_stratified_fpc" && a === "y1f") {
        // y2 = 1 in one row per stratum: that domain has no design df, so no interval (R: NaN)
        const { estimates } = crosstab(survey, a, b, { test: statistic });
        const empty = estimates.filter((row) => row.group?.y2f === "1");
        expect(empty.length).toBeGreaterThan(0);
        expect(empty.every((row) => Number.isNaN(row.lower) && Number.isNaN(row.upper) && row.proportion >= 0)).toBe(true);
        expect(toMarkdown(empty)).toContain("n/a");
      }
    });
  }
});
