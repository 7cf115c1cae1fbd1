import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Codebook, ColumnComparisons, DesignSpec } from "../../../src";
import { repoRoot } from "../../paths";

/**
 * crosstab's column-proportion comparisons by R 4.2.2 / survey 4.1-1 (generate.R beside this
 * file): prop.test(correct = FALSE) on a simple random sample, svyttest on the two columns'
 * subset of a design, p.adjust's Holm and Bonferroni; and the files and designs they were computed on.
 */
export interface PairCase {
  data: string;
  rows: string;
  cols: string;
  category: string;
  a: string[];
  b: string[];
  difference: number[];
  se: number[];
  statistic: number[];
  df: Array<number | null>;
  pValue: number[];
  holm: number[];
  bonferroni: number[];
}
const reference = join(repoRoot, "tests", "reference");
export const cases: PairCase[] = JSON.parse(readFileSync(join(reference, "column-comparisons", "reference.json"), "utf8"));
const single = (id: string, codes: string[]) => ({ id, type: "single" as const, column: id, categories: codes.map((code) => ({ code, label: code, values: [code] })) });
const apiQuestions = [single("awards", ["No", "Yes"]), single("stype", ["E", "H", "M"])];
const replicateQuestions = [...apiQuestions, single("sch_wide", ["No", "Yes"])];
/** The calibration margins' population counts (R's apipop) and the bootstrap's scale, as tests/reference/r-survey-raoscott/ has them. */
const raoScott = JSON.parse(readFileSync(join(reference, "r-survey-raoscott", "reference.json"), "utf8")) as {
  populations: Record<"stype" | "awards", Record<string, [number]>>;
  settings: { apistrat_bootstrap: { scale: [number] } };
};
const populations = raoScott.populations;
const population = (margin: "stype" | "awards") => Object.fromEntries(Object.entries(populations[margin]).map(([value, [count]]) => [value, count]));
const replicated = (type: "JK1" | "bootstrap", extra: { scale?: number } = {}): DesignSpec => ({ weights: "pw", replicates: { columns: { pattern: "^rw[0-9]+$" }, type, ...extra } });
const oracleQuestions = [single("cat", ["A", "B", "C", "D"]), single("group", ["18-34", "35-54", "55+"])];
export const sources: Record<string, { file: string; design: DesignSpec; questions: Codebook["questions"] }> = {
  c_strat_cluster: { file: join(repoRoot, "tests/oracle/data/weighted_c_strat_cluster.csv"), design: { weights: "w", strata: "stratum", cluster: "psu" }, questions: oracleQuestions },
  c_unweighted: { file: join(repoRoot, "tests/oracle/data/weighted_c_strat_cluster.csv"), design: {}, questions: oracleQuestions },
  apistrat: { file: join(reference, "r-survey-numeric/apistrat.csv"), design: { weights: "pw", strata: "stype", fpc: "fpc" }, questions: apiQuestions },
  apiclus1: { file: join(reference, "r-survey-numeric/apiclus1.csv"), design: { weights: "pw", cluster: "dnum", fpc: "fpc" }, questions: apiQuestions },
  apistrat_poststratified: {
    file: join(reference, "r-survey-numeric/apistrat.csv"),
    design: { weights: "pw", strata: "stype", fpc: "fpc", calibration: { method: "postStratify", margins: [{ column: "stype", population: population("stype") }] } },
    questions: apiQuestions,
  },
  apiclus1_raked: {
    file: join(reference, "r-survey-numeric/apiclus1.csv"),
    design: {
      weights: "pw",
      cluster: "dnum",
      fpc: "fpc",
      calibration: {
        method: "rake",
        margins: [
          { column: "stype", population: population("stype") },
          { column: "awards", population: population("awards") },
        ],
      },
    },
    questions: apiQuestions,
  },
  apiclus1_jk1: { file: join(reference, "r-survey-replicate/apiclus1_jk1.csv"), design: replicated("JK1"), questions: replicateQuestions },
  // The scale as.svrepdesign gave the bootstrap's 50 replicates.
  apistrat_bootstrap: { file: join(reference, "r-survey-replicate/apistrat_bootstrap.csv"), design: replicated("bootstrap", { scale: raoScott.settings.apistrat_bootstrap.scale[0] }), questions: replicateQuestions },
};

/** Within 1e-8 of R's value (relative above 1): R's printed digits and the order of its sums. */
const close = (actual: number, expected: number, what: string) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(expected)));

/**
 * A crosstab's comparisons of `c.category` against R's case: the same pairs in order, and each
 * pair's difference, SE, statistic, df (none where R gives none), p-value and adjusted p-value.
 */
export function expectPairsAsR(comparisons: ColumnComparisons, c: PairCase, adjustment: "holm" | "bonferroni"): void {
  const pairs = comparisons.pairs.filter((p) => p.category === c.category);
  expect(pairs.map((p) => [p.a, p.b])).toEqual(c.a.map((a, i) => [a, c.b[i]]));
  pairs.forEach((p, i) => {
    close(p.difference, c.difference[i]!, "difference");
    close(p.se, c.se[i]!, "se");
    close(p.statistic, c.statistic[i]!, "statistic");
    expect(p.df).toBe(c.df[i] ?? undefined);
    close(p.pValue, c.pValue[i]!, "p");
    close(p.adjustedPValue, c[adjustment][i]!, adjustment);
  });
}
