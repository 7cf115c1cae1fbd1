import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimate, loadSurvey, type Codebook, type ReplicatesSpec } from "../../src";
import { parseCsv } from "../../src/load";
import { designLogitFit, replicateEstimates, replicateLogitSE, type ReplicateDesign } from "../../src/stats/design";
import { quasibinomialRefit } from "../../src/stats/quasibinomialFit";
import { repoRoot } from "../paths";
import { expectClose } from "../reference/expectSvycipropRow";
import type { Numbers } from "../reference/rSurveyReference";

/**
 * reference.json beside generate.R (R 4.2.2, survey 4.1-1): svyciprop(method = "logit") on JK1 and
 * bootstrap designs of apiclus1 where some replicates hold no year-round school (a replicate
 * proportion of 0, or 1 for its complement), whole and by award, with deviations around the
 * replicates' mean and around the estimate (mse).
 */
const folder = join(repoRoot, "tests", "reference", "r-survey-replicate-logit");
interface LogitReference {
  proportion: Numbers;
  replicate_proportions: Numbers;
  coefficient: Numbers;
  replicate_coefficients: Numbers;
  logit_se: Numbers;
  degf: Numbers;
  n: Numbers;
  lower: Numbers;
  upper: Numbers;
}
interface Case {
  design: string;
  category: string;
  by: string;
  groups: string[];
  whole: LogitReference;
  groupwise: LogitReference[];
}
const reference = JSON.parse(readFileSync(join(folder, "reference.json"), "utf8")) as {
  settings: Record<string, { pattern: string; type: ReplicatesSpec["type"]; scale: [number]; mse: boolean }>;
  cases: Case[];
};
const csv = join(folder, "apiclus1_yr_rnd.csv");
const table = parseCsv(readFileSync(csv, "utf8"));
const column = (name: string) => table.rows.map((row) => row[table.header.indexOf(name)]!);

function replicatesOf(name: string): ReplicatesSpec {
  const { pattern, type, scale, mse } = reference.settings[name]!;
  return { columns: { pattern }, type, scale: scale[0], mse };
}
const load = (name: string) => {
  const codebook: Codebook = {
    missing: [""],
    design: { weights: "pw", replicates: replicatesOf(name) },
    questions: [
      { id: "yr_rnd", column: "yr_rnd", type: "single", categories: ["Yes", "No"].map((v) => ({ code: v, label: v, values: [v] })) },
      { id: "awards", column: "awards", type: "single", categories: ["Yes", "No"].map((v) => ({ code: v, label: v, values: [v] })) },
    ],
  };
  return loadSurvey(csv, { codebook });
};
/** The design as `replicateEstimates` takes it, from the CSV's columns. */
function designOf(name: string): ReplicateDesign {
  const { pattern, scale, mse } = reference.settings[name]!;
  const replicates = table.header.filter((h) => new RegExp(pattern).test(h)).map((h) => Float64Array.from(column(h), Number));
  return { weights: Float64Array.from(column("pw"), Number), replicates, scale: scale[0]!, rscales: replicates.map(() => 1), mse };
}

describe.each(reference.cases.map((c) => [`${c.design}: yr_rnd = ${c.category}`, c] as const))("%s", (_, c) => {
  const domains: Array<[string, LogitReference, string | undefined]> = [["whole", c.whole, undefined], ...c.groups.map((g, i) => [`${c.by} = ${g}`, c.groupwise[i]!, g] as [string, LogitReference, string])];

  it("each replicate's refit stops where R's glm.fit does, and the logit SE is R's", () => {
    const design = designOf(c.design);
    const y = Float64Array.from(column("yr_rnd"), (v) => (v === c.category ? 1 : 0));
    for (const [where, r, group] of domains) {
      const domain = Uint8Array.from(column(c.by), (v) => (group === undefined || v === group ? 1 : 0));
      const [e] = replicateEstimates(design, [y], domain, "mean");
      r.replicate_proportions.forEach((p, k) => expectClose(e!.thetas[k], p, 1e-12, `${where} replicate ${k + 1} proportion`));
      // svyglm's full-sample fit: svyprop's quasibinomialFit stops where R's does, within about 1e-8 of logit p̂
      const start = designLogitFit({ weights: design.weights, y, domain }).coefficient;
      expectClose(start, r.coefficient[0], 1e-12, `${where} coefficient`);
      expectClose(Math.log(e!.estimate / (1 - e!.estimate)), r.coefficient[0], 1e-7, `${where} logit p̂`);
      // From R's start the refits stop where R's do. Near +22 a step is (1 − μ)/(dμ/dη) with 1 − μ ≈ 1e-9:
      // an ulp of difference between R's exp and JavaScript's moves it by about 1e-8
      r.replicate_coefficients.forEach((b, k) => expectClose(quasibinomialRefit(e!.thetas[k]!, start), b, 1e-7, `${where} replicate ${k + 1} coefficient`));
      // Started at logit p̂ instead, the SE is R's to 1e-8 (R's own SEs of "Yes" and of "No" differ by 3e-9)
      expectClose(replicateLogitSE(e!, design), r.logit_se[0], 1e-8, `${where} logit SE`);
    }
  });

  it("estimate(method: \"logit\") gives R's interval, whole and by group", async () => {
    const survey = await load(c.design);
    const whole = estimate(survey, "yr_rnd", { method: "logit" });
    const byGroup = estimate(survey, "yr_rnd", { method: "logit", by: c.by });
    for (const [where, r, group] of domains) {
      const row = (group === undefined ? whole : byGroup.filter((g) => g.group?.[c.by] === group)).find((g) => g.category === c.category)!;
      expectClose(row.proportion, r.proportion[0], 1e-8, `${where} proportion`);
      expect(row.base, where).toBe(r.n[0]);
      expectClose(row.lower, r.lower[0], 1e-6, `${where} lower`);
      expectClose(row.upper, r.upper[0], 1e-6, `${where} upper`);
    }
  });
});

it("the reference has replicates whose proportion is 0 and 1, whole and within a group", () => {
  const proportions = reference.cases.flatMap((c) => [c.whole, ...c.groupwise].flatMap((r) => r.replicate_proportions));
  expect(proportions).toContain(0);
  expect(proportions).toContain(1);
  expect(reference.cases.filter((c) => c.whole.replicate_proportions.includes(0)).length).toBeGreaterThan(0);
});
