import { describe, expect, it } from "vitest";
import { binomialTest } from "../../src/stats/binomialTest";
import type { Alternative } from "../../src/stats/alternative";
import { expectClose, loadOracle, num } from "./oracle";

/**
 * exact_tests.json, method binom_test (R binom.test). The file's proportions_ztest and
 * prop_test_1sample cases belong to z and score tests that svyprop does not expose.
 */
const cases = loadOracle("exact_tests.json").filter((c) => c.method === "binom_test");

describe("binomialTest against exact_tests.json", () => {
  it("has visible binom_test cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    it(c.id, () => {
      const alternative = String(c.inputs.alternative).replace(".", "-") as Alternative;
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
