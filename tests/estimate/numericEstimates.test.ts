import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mean as sampleMean, sampleVariance } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { estimateMean, estimateQuantiles, estimateTotal, loadSurvey, type Codebook, type DesignSpec } from "../../src";
import { repoRoot } from "../paths";

/** reference.json beside generate.R: R 4.2.2 / survey 4.1-1 on R survey's own `data(api)` samples. */
const folder = join(repoRoot, "tests", "reference", "r-survey-numeric");
interface NumericCase {
  design: string;
  data: string;
  variable: string;
  by?: string;
  groups?: string[];
  degf: [number];
  mean: number[];
  mean_se: number[];
  mean_lower: number[];
  mean_upper: number[];
  total?: [number];
  total_se?: [number];
  total_lower?: [number];
  total_upper?: [number];
  quantiles: number[];
  quantile: number[];
  quantile_lower: Array<number | null>;
  quantile_upper: Array<number | null>;
  quantile_se: Array<number | null>;
  n?: [number];
}
const cases = (JSON.parse(readFileSync(join(folder, "reference.json"), "utf8")) as { cases: NumericCase[] }).cases;

const designs: Record<string, DesignSpec> = {
  apisrs: { weights: "pw", fpc: "fpc" },
  apistrat: { weights: "pw", strata: "stype", fpc: "fpc" },
  apiclus1: { weights: "pw", cluster: "dnum", fpc: "fpc" },
  apistrat_poststratified: {
    weights: "pw",
    strata: "stype",
    fpc: "fpc",
    calibration: { method: "postStratify", margins: [{ column: "stype", population: { E: 4421, H: 755, M: 1018 } }] },
  },
};

const codebookFor = (design: DesignSpec): Codebook => ({
  missing: [""],
  design,
  questions: [
    { id: "api00", type: "numeric", column: "api00" },
    { id: "enroll", type: "numeric", column: "enroll" },
    { id: "acs_k3", type: "numeric", column: "acs_k3" },
    { id: "awards", type: "binary", column: "awards", positive: ["Yes"], negative: ["No"] },
  ],
});

/** |actual − expected| ≤ tol·max(1, |expected|); a null (R's NA) must be NaN. */
function expectClose(actual: number, expected: number | null, tol: number, what: string): void {
  if (expected === null) return expect(actual, what).toBeNaN();
  expect(Math.abs(actual - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

describe.each(Object.keys(designs))("numeric summaries on %s match R survey", (name) => {
  const ofDesign = cases.filter((c) => c.design === name);
  const load = (data: string) => loadSurvey(join(folder, `${data}.csv`), { codebook: codebookFor(designs[name]!) });

  it.each(ofDesign.filter((c) => c.by === undefined).map((c) => [c.variable, c] as const))("%s: mean, total and quantiles", async (_, c) => {
    const survey = await load(c.data);
    const [mean] = estimateMean(survey, c.variable);
    expectClose(mean!.mean, c.mean[0]!, 1e-8, "mean");
    expectClose(mean!.se, c.mean_se[0]!, 1e-6, "mean SE");
    expectClose(mean!.lower, c.mean_lower[0]!, 1e-6, "mean lower");
    expectClose(mean!.upper, c.mean_upper[0]!, 1e-6, "mean upper");
    expect(mean!.df).toBe(c.degf[0]);
    expect(mean!.n).toBe(c.n![0]);
    const [total] = estimateTotal(survey, c.variable);
    expectClose(total!.total, c.total![0], 1e-8, "total");
    expectClose(total!.se, c.total_se![0], 1e-6, "total SE");
    expectClose(total!.lower, c.total_lower![0], 1e-6, "total lower");
    expectClose(total!.upper, c.total_upper![0], 1e-6, "total upper");
    const quantiles = estimateQuantiles(survey, c.variable, { quantiles: c.quantiles });
    expect(quantiles.map((q) => q.quantile)).toEqual(c.quantiles);
    quantiles.forEach((q, k) => {
      expectClose(q.estimate, c.quantile[k]!, 1e-8, `q${c.quantiles[k]}`);
      expectClose(q.lower, c.quantile_lower[k]!, 1e-6, `q${c.quantiles[k]} lower`);
      expectClose(q.upper, c.quantile_upper[k]!, 1e-6, `q${c.quantiles[k]} upper`);
      expectClose(q.se, c.quantile_se[k]!, 1e-6, `q${c.quantiles[k]} SE`);
    });
  });

  it.each(ofDesign.filter((c) => c.by !== undefined).map((c) => [c.variable, c] as const))("%s by award status: svyby", async (_, c) => {
    const survey = await load(c.data);
    const codes = c.groups!.map((g) => (g === "Yes" ? "yes" : "no"));
    const means = estimateMean(survey, c.variable, { by: "awards" });
    const meanOf = (code: string) => means.find((m) => m.group?.awards === code)!;
    codes.forEach((code, g) => {
      expectClose(meanOf(code).mean, c.mean[g]!, 1e-8, `mean ${code}`);
      expectClose(meanOf(code).se, c.mean_se[g]!, 1e-6, `mean SE ${code}`);
      expectClose(meanOf(code).lower, c.mean_lower[g]!, 1e-6, `mean lower ${code}`);
      expectClose(meanOf(code).upper, c.mean_upper[g]!, 1e-6, `mean upper ${code}`);
    });
    const quantiles = estimateQuantiles(survey, c.variable, { by: "awards", quantiles: c.quantiles });
    codes.forEach((code, g) => {
      const ofGroup = quantiles.filter((q) => q.group?.awards === code);
      ofGroup.forEach((q, k) => {
        const at = g * c.quantiles.length + k;
        expectClose(q.estimate, c.quantile[at]!, 1e-8, `${code} q${q.quantile}`);
        expectClose(q.lower, c.quantile_lower[at]!, 1e-6, `${code} q${q.quantile} lower`);
        expectClose(q.upper, c.quantile_upper[at]!, 1e-6, `${code} q${q.quantile} upper`);
        expectClose(q.se, c.quantile_se[at]!, 1e-6, `${code} q${q.quantile} SE`);
      });
    });
  });
});

describe("a Likert question summarised as a mean of its level numbers 1…k", () => {
  it("is the sample mean with SE s/√n on a simple random sample", async () => {
    const survey = await loadSurvey("q\nagree\ndisagree\nneutral\nagree\n", {
      codebook: { questions: [{ id: "q", type: "likert", column: "q", levels: ["disagree", "neutral", "agree"] }] },
    });
    const [row] = estimateMean(survey, "q");
    const scores = [3, 1, 2, 3];
    expect(row!.mean).toBeCloseTo(sampleMean(scores), 12);
    expect(row!.se).toBeCloseTo(Math.sqrt(sampleVariance(scores) / 4), 12);
    expect(row!.df).toBe(3);
  });
});

describe("numeric summaries refuse what has no mean", () => {
  it("names a categorical question that is not Likert", async () => {
    const survey = await loadSurvey(join(folder, "apisrs.csv"), { codebook: codebookFor(designs.apisrs!) });
    expect(() => estimateMean(survey, "awards")).toThrow(/binary: only numeric and Likert questions/);
  });
});
