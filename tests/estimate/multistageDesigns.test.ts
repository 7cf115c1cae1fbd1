import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calibrationOf, estimate, estimateMean, estimateQuantiles, estimateTotal, loadSurvey, type Codebook, type DesignSpec, type Question } from "../../src";
import { designWeights } from "../../src/stats/design";
import { repoRoot } from "../paths";
import { expectRaoScottTable } from "../reference/expectRaoScottTable";
import { expectClose, expectSvycipropRow } from "../reference/expectSvycipropRow";
import type { Numbers, ProportionReference, QuantileReference, TableReference } from "../reference/rSurveyReference";

/** reference.json beside generate.R: R 4.2.2 / survey 4.1-1 on two-stage designs (`apiclus2`, and households made there). */
const folder = join(repoRoot, "tests", "reference", "r-survey-multistage");
interface Case<R> {
  design: string;
  kind: "proportion" | "numeric";
  question: string;
  category: string;
  by: string;
  groups: string[];
  whole: R;
  groupwise: R[];
}
const reference = JSON.parse(readFileSync(join(folder, "reference.json"), "utf8")) as {
  designs: Array<{ design: string; lonely: string; weights: number[]; degf: [number] }>;
  cases: Array<Case<ProportionReference> | Case<QuantileReference> | { design: string; kind: "table"; test: TableReference }>;
};

const single = (id: string, values: string[]): Question => ({ id, type: "single", column: id, categories: values.map((v) => ({ code: v, label: v, values: [v] })) });
const numeric = (id: string): Question => ({ id, type: "numeric", column: id });
/** The codebook of each design R built: `svydesign(ids = ~psu + ssu, strata = …, fpc = ~fpc1 + fpc2, weights = …)`. */
const designs: Record<string, { data: string; design: DesignSpec; questions: Question[] }> = {
  apiclus2: {
    data: "apiclus2",
    design: { cluster: ["dnum", "snum"], fpc: ["fpc1", "fpc2"] },
    questions: [single("stype", ["E", "H", "M"]), single("sch_wide", ["Yes", "No"]), single("awards", ["Yes", "No"]), numeric("api00"), numeric("enroll"), numeric("acs_k3")],
  },
  households: {
    data: "households",
    design: { strata: "stratum", cluster: ["village", "household"], fpc: ["N1", "N2"] },
    questions: [single("tenure", ["own", "rent", "other"]), single("internet", ["yes", "no"]), numeric("income"), numeric("size")],
  },
};
const households = designs.households!;
designs.households_weighted = { ...households, design: { ...households.design, weights: "w" } };
designs.apiclus2_ultimate = { ...designs.apiclus2!, design: { weights: "pw", cluster: ["dnum", "snum"] } };
designs.households_lonely = { ...households, design: { ...households.design, fpc: ["N1", "N2_lonely"], lonelyPsu: "certainty" } };
designs.households_poststratified = {
  ...households,
  design: { ...households.design, calibration: { method: "postStratify", margins: [{ column: "tenure", population: { own: 700, rent: 420, other: 180 } }] } },
};

const load = (name: string) => {
  const { data, design, questions } = designs[name]!;
  const codebook: Codebook = { missing: [""], design, questions };
  return loadSurvey(join(folder, `${data}.csv`), { codebook });
};

/** |actual − expected| ≤ tol·max(1, |expected|); a null (R's NA: a quantile interval past the data) must not be finite. */
describe.each(Object.keys(designs))("two-stage design %s matches R survey", (name) => {
  const ofDesign = reference.cases.filter((c) => c.design === name);
  const proportions = ofDesign.filter((c): c is Case<ProportionReference> => c.kind === "proportion");
  const numerics = ofDesign.filter((c): c is Case<QuantileReference> => c.kind === "numeric");
  const tables = ofDesign.flatMap((c) => (c.kind === "table" ? [c.test] : []));

  it("weights from the stages' fpc (N1/n1 · N2/n2, R weights.survey_fpc), as given or calibrated, and df = #PSUs − #strata", async () => {
    const survey = await load(name);
    const r = reference.designs.find((d) => d.design === name)!;
    expect(survey.design.lonelyPsu ?? "fail").toBe(r.lonely);
    const weights = calibrationOf(survey)?.weights ?? designWeights(survey.designColumns!, survey.rowCount)!;
    expect(weights.length).toBe(r.weights.length);
    r.weights.forEach((w, i) => expectClose(weights[i], w, 1e-12, `weight of row ${i + 2}`));
    expect(estimateMean(survey, designs[name]!.questions.find((q) => q.type === "numeric")!.id)[0]!.df).toBe(r.degf[0]);
  });

  it.each(proportions.map((c) => [`${c.question} = ${c.category}`, c] as const))("estimate %s: every svyciprop method, whole sample and by group", async (_, c) => {
    const survey = await load(name);
    for (const [k, method] of c.whole.methods.entries()) {
      const check = (row: Parameters<typeof expectSvycipropRow>[0], r: ProportionReference, where: string) => expectSvycipropRow(row, r, k, method, where);
      const whole = estimate(survey, c.question, { method: method as "logit" });
      check(
        whole.find((row) => row.category === c.category),
        c.whole,
        "whole",
      );
      const byGroup = estimate(survey, c.question, { method: method as "logit", by: c.by });
      c.groups.forEach((group, g) => check(byGroup.find((row) => row.category === c.category && row.group?.[c.by] === group), c.groupwise[g]!, `${c.by} = ${group}`));
    }
  });

  it.each(numerics.map((c) => [c.question, c] as const))("mean, total and quartiles of %s, whole sample and by group", async (_, c) => {
    const survey = await load(name);
    const check = (group: string | undefined, r: QuantileReference, where: string) => {
      const options = group === undefined ? {} : { by: c.by };
      const inGroup = <T extends { group?: Record<string, string> }>(rows: T[]) => rows.filter((row) => group === undefined || row.group?.[c.by] === group);
      const [mean] = inGroup(estimateMean(survey, c.question, options));
      const [total] = inGroup(estimateTotal(survey, c.question, options));
      expectClose(mean!.mean, r.mean[0], 1e-8, `${where} mean`);
      expectClose(mean!.se, r.mean_se[0], 1e-6, `${where} mean SE`);
      expect(mean!.n).toBe(r.n[0]);
      expectClose(total!.total, r.total[0], 1e-8, `${where} total`);
      expectClose(total!.se, r.total_se[0], 1e-6, `${where} total SE`);
      if (group === undefined) {
        // confint(df = degf(design)): the interval on the whole design's df
        expectClose(mean!.lower, r.mean_lower[0], 1e-6, `${where} mean lower`);
        expectClose(mean!.upper, r.mean_upper[0], 1e-6, `${where} mean upper`);
        expectClose(total!.lower, r.total_lower[0], 1e-6, `${where} total lower`);
        expectClose(total!.upper, r.total_upper[0], 1e-6, `${where} total upper`);
      }
      const quantiles = inGroup(estimateQuantiles(survey, c.question, { ...options, quantiles: r.quantiles }));
      expect(quantiles.map((q) => q.quantile)).toEqual(r.quantiles);
      quantiles.forEach((q, k) => {
        expectClose(q.estimate, r.quantile[k], 1e-8, `${where} q${q.quantile}`);
        expectClose(q.lower, r.quantile_lower[k], 1e-6, `${where} q${q.quantile} lower`);
        expectClose(q.upper, r.quantile_upper[k], 1e-6, `${where} q${q.quantile} upper`);
        expectClose(q.se, r.quantile_se[k], 1e-6, `${where} q${q.quantile} SE`);
      });
    };
    check(undefined, c.whole, "whole");
    c.groups.forEach((group, g) => check(group, c.groupwise[g]!, `${c.by} = ${group}`));
  });

  it.each(tables.map((t) => [`${t.rows} × ${t.cols}`, t] as const))("crosstab %s: Rao–Scott F and Chisq as svychisq", async (_, t) => {
    const survey = await load(name);
    expectRaoScottTable(survey, t);
  });
});
