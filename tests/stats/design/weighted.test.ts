import { describe, expect, it } from "vitest";
import { designLogitFit, designMean, designProportionCI, designTotal, domainMeans, domainTotals, kishEffectiveN, prepareDesign, raoScottTest, designWaldTest } from "../../../src/stats/design";
import type { DesignEstimate } from "../../../src/stats/design";
import { expectClose, loadOracle, num, type OracleCase } from "../oracle";
import { designOf, readOracleCsv, strings, variable } from "./oracleData";

/** weighted.json (R 4.2.2, survey 4.1-1): estimates and SEs to 1e-8 relative, intervals to 1e-6. */

const cases = loadOracle("weighted.json");
const EST = 1e-8;
const CI = 1e-6;

const byMethod = (prefix: string): OracleCase[] => cases.filter((c) => c.method === prefix || c.method.startsWith(`${prefix}/`));
const input = (c: OracleCase) => {
  const rows = readOracleCsv(c.inputs.data_file as string);
  return { rows, design: designOf(c.inputs.dataset as string, rows) };
};
const arr = (v: unknown): number[] => (v as unknown[]).map(num);

function expectEstimate(e: DesignEstimate, out: Record<string, unknown>, i: number | undefined, label: string): void {
  const pick = (key: string): number => (i === undefined ? num(out[key]) : arr(out[key])[i]!);
  expectClose(e.estimate, pick("estimate"), EST, `${label} estimate`);
  expectClose(e.se, pick("se"), EST, `${label} se`);
  if (out.deff !== undefined) expectClose(e.deff, pick("deff"), EST, `${label} deff`);
  if (out.deff_replace !== undefined) expectClose(e.deffReplace, pick("deff_replace"), EST, `${label} deff_replace`);
}

describe("weighted.json: kish", () => {
  for (const c of byMethod("kish")) {
    it(c.id, () => {
      const { rows, design } = input(c);
      const k = kishEffectiveN(design.weights!);
      const out = c.outputs;
      expect(k.n).toBe(num(out.n));
      expectClose(k.sumWeights, num(out.sum_w), EST, "sum_w");
      expectClose(k.sumSquaredWeights, num(out.sum_w2), EST, "sum_w2");
      expectClose(k.effectiveN, num(out.n_eff_kish), EST, "n_eff");
      expectClose(k.deff, num(out.deff_kish), EST, "deff");
      const full = designMean({ ...design, y: variable(rows, "y1") });
      expect(full.df).toBe(num(out.degf));
      expectClose(full.effectiveN, num(out.n_eff_kish), EST, "designMean effectiveN");
      expect(prepareDesign(design, [variable(rows, "y1")]).df).toBe(num(out.degf));
    });
  }
});

describe("weighted.json: svymean and svytotal", () => {
  for (const c of [...byMethod("svymean"), ...byMethod("svytotal")]) {
    it(c.id, () => {
      const { rows, design } = input(c);
      const name = c.inputs.variable as string;
      const fn = c.method === "svymean" ? designMean : designTotal;
      if (name === "cat") {
        const cats = c.inputs.categories as string[];
        cats.forEach((L, i) => expectEstimate(fn({ ...design, y: variable(rows, `cat==${L}`) }), c.outputs, i, L));
      } else {
        expectEstimate(fn({ ...design, y: variable(rows, name) }), c.outputs, undefined, name);
      }
    });
  }
});

describe("weighted.json: svyciprop", () => {
  for (const c of byMethod("svyciprop")) {
    it(c.id, () => {
      const { rows, design } = input(c);
      const y = variable(rows, c.inputs.variable as string);
      const e = designMean({ ...design, y });
      const fit = c.inputs.method === "likelihood" ? { fit: designLogitFit({ ...design, y }) } : {};
      const ci = designProportionCI(e, { method: c.inputs.method as never, level: c.inputs.level as number, ...fit });
      expectClose(ci.estimate, num(c.outputs.estimate), EST, "estimate");
      expectClose(ci.lower, num(c.outputs.lower), CI, "lower");
      expectClose(ci.upper, num(c.outputs.upper), CI, "upper");
    });
  }
});

describe("weighted.json: svyby", () => {
  for (const c of [...byMethod("svyby_svymean"), ...byMethod("svyby_svytotal"), ...byMethod("svyby_svyciprop")]) {
    it(c.id, () => {
      const { rows, design } = input(c);
      const groups = c.inputs.groups as string[];
      const by = strings(rows, c.inputs.by as string);
      const name = c.inputs.variable as string;
      const fn = c.method === "svyby_svytotal" ? domainTotals : domainMeans;
      if (name === "cat") {
        const cats = c.inputs.categories as string[];
        cats.forEach((L, j) => {
          const est = fn({ ...design, y: variable(rows, `cat==${L}`), by, groups });
          est.forEach((e, g) => {
            const out = c.outputs as Record<string, number[][]>;
            expectClose(e.estimate, out.estimate![g]![j]!, EST, `${groups[g]} ${L} estimate`);
            expectClose(e.se, out.se![g]![j]!, EST, `${groups[g]} ${L} se`);
          });
        });
        return;
      }
      const est = fn({ ...design, y: variable(rows, name), by, groups });
      expect(est.map((e) => e.group)).toEqual(groups);
      est.forEach((e, g) => expectEstimate(e, c.outputs, g, groups[g]!));
      if (c.method.startsWith("svyby_svyciprop/")) {
        const method = c.method.split("/")[1] as never;
        est.forEach((e, g) => {
          const ci = designProportionCI(e, { method, level: c.inputs.level as number });
          expectClose(ci.lower, arr(c.outputs.lower)[g]!, CI, `${groups[g]} lower`);
          expectClose(ci.upper, arr(c.outputs.upper)[g]!, CI, `${groups[g]} upper`);
        });
      }
    });
  }
});

describe("weighted.json: svychisq (Rao-Scott)", () => {
  for (const c of [...byMethod("svychisq/F"), ...byMethod("svychisq/Chisq")]) {
    it(c.id, () => {
      const { rows, design } = input(c);
      const [a, b] = c.inputs.variables as [string, string];
      // y1f / y2f are factor(y1) / factor(y2).
      const column = (name: string): string[] => strings(rows, /^y\df$/.test(name) ? name.slice(0, -1) : name);
      const statistic = c.method.split("/")[1] as "F" | "Chisq";
      const out = c.outputs;
      const result = raoScottTest({ ...design, rows: column(a), cols: column(b), statistic });
      expect(result.rowLevels).toEqual((out.row_levels as unknown[]).map(String));
      expect(result.colLevels).toEqual((out.col_levels as unknown[]).map(String));
      (out.weighted_table as number[][]).forEach((row, i) => row.forEach((v, j) => expectClose(result.weightedTable[i]![j]!, v, EST, `cell ${i},${j}`)));
      expectClose(result.pearsonX2, num(out.pearson_X2), EST, "X2");
      expectClose(result.statistic, num(out.statistic), EST, "statistic");
      expectClose(result.pValue, num(out.p_value), EST, "p");
      if (statistic === "F") {
        expectClose(result.traceDelta, num(out.trace_delta), EST, "trace");
        expectClose(result.ndf!, num(out.ndf), EST, "ndf");
        expectClose(result.ddf!, num(out.ddf), EST, "ddf");
      } else {
        expect(result.df).toBe(num(out.df));
      }
    });
  }
});

describe("weighted.json: svychisq (Wald, adjWald)", () => {
  for (const c of [...byMethod("svychisq/Wald"), ...byMethod("svychisq/adjWald")]) {
    it(c.id, () => {
      const { rows, design } = input(c);
      const [a, b] = c.inputs.variables as [string, string];
      const column = (name: string): string[] => strings(rows, /^y\df$/.test(name) ? name.slice(0, -1) : name);
      const statistic = c.method.split("/")[1] as "Wald" | "adjWald";
      const out = c.outputs;
      const result = designWaldTest({ ...design, rows: column(a), cols: column(b), statistic });
      expectClose(result.statistic, num(out.statistic), EST, "statistic");
      expectClose(result.pValue, num(out.p_value), EST, "p");
      expectClose(result.ndf, num(out.ndf), EST, "ndf");
      expectClose(result.ddf, num(out.ddf), EST, "ddf");
    });
  }
});
