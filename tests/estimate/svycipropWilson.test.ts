import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimate, loadSurvey, type Codebook, type DesignSpec } from "../../src";
import { surveyProportionCI } from "../../src/stats/surveyProportionCI";
import { repoRoot } from "../paths";

/**
 * svyciprop's "wilson" method (survey 4.5) on R survey's API samples and the oracle's stratified
 * clustered file, against survey 4.5's formula applied in R to survey 4.1-1's svymean
 * (tests/reference/svyciprop-wilson/generate.R).
 */
interface WilsonCase {
  design: string;
  question: string;
  category: string;
  level: [number];
  by: string;
  groups: string[];
  estimate: number[];
  /** null where R gives NaN: a stratum's share has no sampling error (SE 0, so n_eff = 0/0). */
  lower: Array<number | null>;
  upper: Array<number | null>;
  degf: [number];
}
const reference = join(repoRoot, "tests", "reference");
const cases: WilsonCase[] = JSON.parse(readFileSync(join(reference, "svyciprop-wilson", "reference.json"), "utf8"));
it("has the reference cases, some of them R's NaN", () => {
  expect(cases).toHaveLength(39);
  expect(cases.filter((c) => c.lower.includes(null))).toHaveLength(8);
});
const api = (file: string) => join(reference, "r-survey-numeric", file);
const apiQuestions: Codebook["questions"] = [
  { id: "awards", type: "binary", column: "awards", positive: ["Yes"], negative: ["No"] },
  { id: "stype", type: "single", column: "stype", categories: ["E", "H", "M"].map((code) => ({ code, label: code, values: [code] })) },
];
const designs: Record<string, { file: string; design: DesignSpec; questions: Codebook["questions"] }> = {
  apisrs: { file: api("apisrs.csv"), design: { weights: "pw", fpc: "fpc" }, questions: apiQuestions },
  apistrat: { file: api("apistrat.csv"), design: { weights: "pw", strata: "stype", fpc: "fpc" }, questions: apiQuestions },
  apiclus1: { file: api("apiclus1.csv"), design: { weights: "pw", cluster: "dnum", fpc: "fpc" }, questions: apiQuestions },
  apistrat_poststratified: {
    file: api("apistrat.csv"),
    design: { weights: "pw", strata: "stype", fpc: "fpc", calibration: { method: "postStratify", margins: [{ column: "stype", population: { E: 4421, H: 755, M: 1018 } }] } },
    questions: apiQuestions,
  },
  apiclus1_jk1: {
    file: join(reference, "r-survey-replicate", "apiclus1_jk1.csv"),
    design: { weights: "pw", replicates: { columns: { pattern: "^rw[0-9]+$" }, type: "JK1" } },
    questions: apiQuestions,
  },
  c_strat_cluster: {
    file: join(repoRoot, "tests", "oracle", "data", "weighted_c_strat_cluster.csv"),
    design: { weights: "w", strata: "stratum", cluster: "psu" },
    questions: [
      { id: "y1", type: "binary", column: "y1", positive: ["1"], negative: ["0"] },
      { id: "cat", type: "single", column: "cat", categories: ["A", "B", "C", "D"].map((code) => ({ code, label: code, values: [code] })) },
    ],
  },
};

const close = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-8);

describe.each(Object.keys(designs))("svyciprop wilson on %s", (name) => {
  const { file, design, questions } = designs[name]!;
  const ofDesign = cases.filter((c) => c.design === name);
  it.each(ofDesign.map((c) => [`${c.question} = ${c.category}${c.by ? ` by ${c.by}` : ""} at ${c.level[0]}`, c] as const))("%s", async (_, c) => {
    const survey = await loadSurvey(file, { codebook: { missing: [""], design, questions } });
    const rows = estimate(survey, c.question, { method: "wilson", level: c.level[0], ...(c.by ? { by: c.by } : {}) }).filter((r) => r.category === (c.question === "awards" || c.question === "y1" ? "yes" : c.category));
    expect(rows).toHaveLength(c.estimate.length);
    rows.forEach((row, i) => {
      expect(row.method).toBe("wilson");
      if (c.by) expect(row.group?.[c.by]).toBe(c.groups[i]);
      close(row.proportion, c.estimate[i]!, "estimate");
      // svyprop's decision where R has NaN: no sampling error, the point interval [p, p]
      close(row.lower, c.lower[i] ?? c.estimate[i]!, "lower");
      close(row.upper, c.upper[i] ?? c.estimate[i]!, "upper");
    });
  });
});

describe("surveyProportionCI wilson", () => {
  it("lies within [0, 1], contains p, and shrinks towards the design-free Wilson interval as df grows", () => {
    for (const [p, se] of [[0.02, 0.01], [0.5, 0.05], [0.97, 0.015]] as const) {
      const { lower, upper } = surveyProportionCI(p, se, { method: "wilson", df: 30 });
      expect(lower).toBeGreaterThan(0);
      expect(upper).toBeLessThan(1);
      expect(lower).toBeLessThan(p);
      expect(upper).toBeGreaterThan(p);
    }
    // n_eff = p(1 − p)/SE² = 100 and df = ∞: the textbook Wilson interval of 30 in 100 (z = 1.96)
    const wide = surveyProportionCI(0.3, Math.sqrt(0.0021), { method: "wilson", df: 1e9 });
    expect(wide.lower).toBeCloseTo(0.2189489, 6);
    expect(wide.upper).toBeCloseTo(0.3958485, 6);
  });
});
