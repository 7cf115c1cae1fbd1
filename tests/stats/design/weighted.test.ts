import { describe, expect, it } from "vitest";
import { designMean, designProportionCI, designTotal, domainMeans, domainTotals, kishEffectiveN, prepareDesign } from "../../../src/stats/design";
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
  for (const c of byMethod("svyciprop").filter((c) => c.method !== "svyciprop/likelihood")) {
    it(c.id, () => {
      const { rows, design } = input(c);
      const e = designMean({ ...design, y: variable(rows, c.inputs.variable as string) });
      const ci = designProportionCI(e, { method: c.inputs.method as never, level: c.inputs.level as number });
      expectClose(ci.estimate, num(c.outputs.estimate), EST, "estimate");
      expectClose(ci.lower, num(c.outputs.lower), CI, "lower");
      expectClose(ci.upper, num(c.outputs.upper), CI, "upper");
    });
  }
});

describe("weighted.json: svyby", () => {
  for (const c of [...byMethod("svyby_svymean"), ...byMethod("svyby_svytotal"), ...byMethod("svyby_svyciprop")].filter((c) => !c.method.endsWith("/likelihood"))) {
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
