import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCodebook, type DesignSpec } from "../../src/codebook";
import { crosstab } from "../../src/estimate";
import { parseCsv } from "../../src/load";
import { toMarkdown } from "../../src/report";
import { surveyFromTable, type Survey } from "../../src/survey";
import { oracleData } from "../paths";
import { expectClose, loadOracle, num } from "../stats/oracle";

/**
 * crosstab() on surveys built from the oracle's tables (scipy chi2_contingency, R fisher.test)
 * and its weighted CSVs (R survey svychisq): the test of independence through the survey layer.
 */
const single = (id: string, levels: readonly string[]) => ({ id, column: id, type: "single", categories: levels.map((l) => ({ code: l, label: l, values: [l] })) });

/** A survey whose respondents fill `table`: table[i][j] respondents answer (r = i, c = j). */
function surveyOfTable(table: readonly (readonly number[])[], design: DesignSpec = {}): Survey {
  const lines = ["r,c"];
  table.forEach((row, i) => row.forEach((count, j) => lines.push(...Array.from({ length: count }, () => `${i},${j}`))));
  const levels = (n: number) => Array.from({ length: n }, (_, i) => String(i));
  const codebook = parseCodebook({ design, questions: [single("r", levels(table.length)), single("c", levels(table[0]!.length))] });
  return surveyFromTable(parseCsv(`${lines.join("\n")}\n`), codebook);
}

const positiveMargins = (table: number[][]) => table.every((row) => row.some((v) => v > 0)) && table[0]!.every((_, j) => table.some((row) => row[j]! > 0));

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
  const designs: Record<string, DesignSpec> = {
    a_unequal: { weights: "w" },
    b_stratified_fpc: { weights: "w", strata: "stratum", fpc: "fpc" },
    c_strat_cluster: { weights: "w", strata: "stratum", cluster: "psu" },
  };
  const cases = loadOracle("weighted.json").filter((c) => c.method === "svychisq/F" || c.method === "svychisq/Chisq");
  it("covers the Rao–Scott cases", () => expect(cases.length).toBeGreaterThanOrEqual(4));
  for (const c of cases) {
    it(c.id, () => {
      const dataset = c.inputs.dataset as string;
      const table = parseCsv(readFileSync(oracleData(`weighted_${dataset}.csv`), "utf8"));
      const levels = (column: string) => [...new Set(table.rows.map((row) => row[table.header.indexOf(column)] as string))].sort();
      // y1f / y2f are factor(y1) / factor(y2): single-choice questions on y1 / y2.
      const question = (name: string) => {
        const column = /^y\df$/.test(name) ? name.slice(0, -1) : name;
        return { ...single(name, levels(column)), column };
      };
      const [a, b] = c.inputs.variables as [string, string];
      const survey = surveyFromTable(table, parseCodebook({ design: designs[dataset], questions: [question(a), question(b)] }));
      const statistic = c.method.split("/")[1] as "F" | "Chisq";
      const { test } = crosstab(survey, a, b, { test: statistic });
      expect(test.method).toBe(statistic === "F" ? "rao-scott-F" : "rao-scott-chisq");
      expectClose(test.statistic!, num(c.outputs.statistic), 1e-8, "statistic");
      expectClose(test.pValue, num(c.outputs.p_value), 1e-8, "p");
      if (statistic === "F") {
        expectClose(test.ndf!, num(c.outputs.ndf), 1e-8, "ndf");
        expectClose(test.ddf!, num(c.outputs.ddf), 1e-8, "ddf");
      } else expect(test.df).toBe(num(c.outputs.df));
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
