import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimate, estimateMean, estimateTotal, loadSurvey, type Codebook, type Question, type ReplicatesSpec } from "../../src";
import { replicateScales } from "../../src/stats/design";
import { repoRoot } from "../paths";
import { expectClose, expectSvycipropRow } from "../reference/expectSvycipropRow";
import type { Numbers, NumericReference, ProportionReference } from "../reference/rSurveyReference";

/** reference.json beside generate.R: R 4.2.2 / survey 4.1-1 on replicate designs of `data(api)` and `data(scd)`. */
const folder = join(repoRoot, "tests", "reference", "r-survey-replicate");
interface Case<R> {
  design: string;
  kind: "proportion" | "numeric";
  question: string;
  category?: string;
  by: string;
  groups: string[];
  whole: R;
  groupwise: R[];
}
interface Setting {
  data: string;
  type: ReplicatesSpec["type"];
  mse?: boolean;
  scale?: number | [number];
  rscales?: number | number[];
  rho?: number;
}
const reference = JSON.parse(readFileSync(join(folder, "reference.json"), "utf8")) as {
  settings: Record<string, Setting>;
  defaults: Array<{ type: ReplicatesSpec["type"]; scale: [number]; rscales: number[] }>;
  cases: Array<Case<ProportionReference> | Case<NumericReference>>;
};

const single = (id: string, values: string[]): Question => ({ id, type: "single", column: id, categories: values.map((v) => ({ code: v, label: v, values: [v] })) });
const questions: Record<string, Question[]> = {
  api: [
    single("stype", ["E", "H", "M"]),
    single("awards", ["Yes", "No"]),
    single("sch_wide", ["Yes", "No"]),
    { id: "api00", type: "numeric", column: "api00" },
    { id: "enroll", type: "numeric", column: "enroll" },
    { id: "acs_k3", type: "numeric", column: "acs_k3" },
  ],
  scd: [single("ESA", ["1", "2", "3"]), single("ambulance", ["1", "2"]), { id: "arrests", type: "numeric", column: "arrests" }, { id: "alive", type: "numeric", column: "alive" }],
};
/** The proportion each case's R expression computes: the category "Yes" or "1" where the case names none. */
const categoryOf = (c: Case<unknown>) => c.category || (c.question === "ambulance" ? "1" : "Yes");

function codebookFor(name: string): Codebook {
  const { data, type, mse, scale, rscales, rho } = reference.settings[name]!;
  const replicates: ReplicatesSpec = {
    columns: { pattern: "^rw[0-9]+$" },
    type,
    ...(mse === undefined ? {} : { mse }),
    ...(scale === undefined ? {} : { scale: Array.isArray(scale) ? scale[0] : scale }),
    ...(rscales === undefined ? {} : { rscales }),
    ...(rho === undefined ? {} : { rho }),
  };
  return { missing: [""], design: { weights: "pw", replicates }, questions: questions[data.startsWith("scd") ? "scd" : "api"]! };
}
const load = (name: string) => loadSurvey(join(folder, `${reference.settings[name]!.data}.csv`), { codebook: codebookFor(name) });

/** |actual − expected| ≤ tol·max(1, |expected|); R's NA (null) or Inf (1e999, read as Infinity) must not be finite. */
describe.each(Object.keys(reference.settings))("replicate design %s matches R survey", (name) => {
  const ofDesign = reference.cases.filter((c) => c.design === name);
  const proportions = ofDesign.filter((c): c is Case<ProportionReference> => c.kind === "proportion");
  const numerics = ofDesign.filter((c): c is Case<NumericReference> => c.kind === "numeric");

  it.each(proportions.map((c) => [`${c.question} = ${categoryOf(c)}`, c] as const))("estimate %s: every svyciprop method, whole sample and by group", async (_, c) => {
    const survey = await load(name);
    const category = categoryOf(c);
    for (const [k, method] of c.whole.methods.entries()) {
      const check = (row: Parameters<typeof expectSvycipropRow>[0], r: ProportionReference, where: string) => expectSvycipropRow(row, r, k, method, where);
      const whole = estimate(survey, c.question, { method: method as "logit" });
      check(
        whole.find((row) => row.category === category),
        c.whole,
        "whole",
      );
      const byGroup = estimate(survey, c.question, { method: method as "logit", by: c.by });
      c.groups.forEach((group, g) => check(byGroup.find((row) => row.category === category && row.group?.[c.by] === group), c.groupwise[g]!, `${c.by} = ${group}`));
    }
  });

  it.each(numerics.map((c) => [c.question, c] as const))("estimateMean and estimateTotal of %s, whole sample and by group", async (_, c) => {
    const survey = await load(name);
    const check = (mean: ReturnType<typeof estimateMean>[number] | undefined, total: ReturnType<typeof estimateTotal>[number] | undefined, r: NumericReference, where: string) => {
      expectClose(mean!.mean, r.mean[0], 1e-8, `${where} mean`);
      expectClose(mean!.se, r.mean_se[0], 1e-6, `${where} mean SE`);
      expectClose(mean!.lower, r.mean_lower[0], 1e-6, `${where} mean lower`);
      expectClose(mean!.upper, r.mean_upper[0], 1e-6, `${where} mean upper`);
      expect(mean!.df).toBe(r.degf[0]);
      expect(mean!.n).toBe(r.n[0]);
      expectClose(total!.total, r.total[0], 1e-8, `${where} total`);
      expectClose(total!.se, r.total_se[0], 1e-6, `${where} total SE`);
      expectClose(total!.lower, r.total_lower[0], 1e-6, `${where} total lower`);
      expectClose(total!.upper, r.total_upper[0], 1e-6, `${where} total upper`);
    };
    check(estimateMean(survey, c.question)[0], estimateTotal(survey, c.question)[0], c.whole, "whole");
    const means = estimateMean(survey, c.question, { by: c.by });
    const totals = estimateTotal(survey, c.question, { by: c.by });
    c.groups.forEach((group, g) =>
      check(
        means.find((m) => m.group?.[c.by] === group),
        totals.find((t) => t.group?.[c.by] === group),
        c.groupwise[g]!,
        `${c.by} = ${group}`,
      ),
    );
  });
});

describe("replicate scale and rscales default per type as R's svrepdesign", () => {
  it.each(reference.defaults.map((d) => [d.type, d] as const))("%s with 8 replicates", (type, d) => {
    const { scale, rscales } = replicateScales({ type, count: 8, ...(type === "Fay" ? { rho: 0.5 } : {}) });
    expect(scale).toBeCloseTo(d.scale[0], 15);
    expect(Array.from(rscales)).toEqual(d.rscales);
  });
});
