import { describe, expect, it } from "vitest";
import { binomialTest } from "../../src/stats/binomialTest";
import { proportionTest } from "../../src/stats/proportionTest";
import type { Alternative } from "../../src/stats/alternative";
import { expectClose, expectWithin, loadOracle, num, type OracleCase } from "./oracle";

/**
 * exact_tests.json: binom_test (R binom.test) → binomialTest; prop_test_1sample (R prop.test)
 * and proportions_ztest with variance "null" (statsmodels, the score z) → proportionTest.
 * proportions_ztest with variance "sample" is the Wald z (infinite at x = 0 or n), which
 * svyprop does not offer. prop.test's CI is Wilson's, checked in one_proportion.json.
 */
const all = loadOracle("exact_tests.json");
const cases = all.filter((c) => c.method === "binom_test");
const alternativeOf = (c: OracleCase): Alternative => String(c.inputs.alternative ?? "two.sided").replace(".", "-") as Alternative;

describe("binomialTest against exact_tests.json", () => {
  it("has visible binom_test cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(c.id, () => {
      const alternative = alternativeOf(c);
      const x = num(c.inputs.x);
      const n = num(c.inputs.n);
      const result = binomialTest(x, n, { p0: num(c.inputs.p0), alternative });
      expect(result.estimate).toBe(x / n);
      expectClose(result.pValue, num(c.outputs.p_value), 1e-9, "pValue");
      expectClose(result.lower, num(c.outputs.lower), 1e-9, "lower");
      expectClose(result.upper, num(c.outputs.upper), 1e-9, "upper");
    });
  }
});

describe("proportionTest against exact_tests.json", () => {
  for (const c of all.filter((k) => k.method === "prop_test_1sample")) {
    it(c.id, () => {
      const result = proportionTest(num(c.inputs.x), num(c.inputs.n), { p0: num(c.inputs.p0), correction: c.inputs.correct === true });
      const statistic = num(c.outputs.statistic);
      // R leaves rounding residue (9.9e-31) where the corrected statistic is exactly 0
      if (statistic < 1e-12) expectWithin(result.statistic, statistic, 1e-12, "statistic");
      else expectClose(result.statistic, statistic, 1e-12, "statistic");
      expectClose(result.pValue, num(c.outputs.p_value), 1e-9, "pValue");
    });
  }
  for (const c of all.filter((k) => k.method === "proportions_ztest" && k.inputs.variance === "null")) {
    it(c.id, () => {
      const result = proportionTest(num(c.inputs.x), num(c.inputs.n), { p0: num(c.inputs.p0), alternative: alternativeOf(c), correction: false });
      expectClose(result.z, num(c.outputs.z), 1e-12, "z");
      expectClose(result.pValue, num(c.outputs.p_value), 1e-9, "pValue");
    });
  }
});
