import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { surveyProportionCI } from "../../src/stats/surveyProportionCI";
import { expectClose, loadOracle, num, type OracleCase } from "./oracle";

/**
 * weighted.json, svyciprop "beta" on complex designs, where df (#PSUs − #strata) differs from
 * nrow − 1 so the Korn–Graubard df adjustment (qt(α/2, nrow−1)/qt(α/2, df))² matters — the
 * finite_population cases never exercise it. The design SE is not stored for these variables,
 * so it is recovered from R's own closed-form "xlogit" interval of the same variable:
 * logit U − logit L = 2·t·SE/(p(1−p)). nrow is the number of rows of the dataset's CSV.
 * (The rest of weighted.json belongs to the design-based variance work.)
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The oracle's data/ folder: the copy under tests/oracle when the clone has one, else ../shared/oracle. */
const oracleDir = [path.join(repoRoot, "tests", "oracle"), path.resolve(repoRoot, "../shared/oracle")].find((dir) =>
  existsSync(path.join(dir, "data")),
) as string;
const rowsOf = (dataFile: string): number =>
  readFileSync(path.resolve(oracleDir, dataFile), "utf8").split(/\r?\n/).filter((line) => line.trim() !== "").length - 1;

const cases = loadOracle("weighted.json");
const keyOf = (c: OracleCase): string => `${String(c.inputs.dataset)}|${String(c.inputs.variable)}`;
const dfOf = (c: OracleCase): number => num((c as unknown as { by_source: { python_closed_form: { df: number } } }).by_source.python_closed_form.df);
const logit = (p: number): number => Math.log(p / (1 - p));

function seFromXlogit(c: OracleCase): number {
  const p = num(c.outputs.estimate);
  const t = tQuantile(1 - (1 - num(c.inputs.level)) / 2, dfOf(c));
  return ((logit(num(c.outputs.upper)) - logit(num(c.outputs.lower))) / (2 * t)) * p * (1 - p);
}

const xlogitByVariable = new Map(cases.filter((c) => c.method === "svyciprop/xlogit").map((c) => [keyOf(c), c]));
const betaCases = cases.filter((c) => c.method === "svyciprop/beta" && xlogitByVariable.has(keyOf(c)));

describe("surveyProportionCI beta against weighted.json svyciprop (df ≠ nrow − 1)", () => {
  it("has visible beta cases with an xlogit partner, some with df < nrow − 1", () => {
    expect(betaCases.some((c) => dfOf(c) < rowsOf(String(c.inputs.data_file)) - 1)).toBe(true);
  });
  for (const c of betaCases) {
    it(c.id, () => {
      const partner = xlogitByVariable.get(keyOf(c)) as OracleCase;
      const p = num(c.outputs.estimate);
      expectClose(num(partner.outputs.estimate), p, 1e-12, "same estimate in both cases");
      const df = dfOf(c);
      const nrow = rowsOf(String(c.inputs.data_file));
      const interval = surveyProportionCI(p, seFromXlogit(partner), { df, nrow, method: "beta", level: num(c.inputs.level) });
      expectClose(interval.lower, num(c.outputs.lower), 1e-9, "lower");
      expectClose(interval.upper, num(c.outputs.upper), 1e-9, "upper");
    });
  }
});
