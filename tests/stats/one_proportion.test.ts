import { describe, expect, it } from "vitest";
import { proportionCI } from "../../src/stats/proportionCI";
import type { CIMethod } from "../../src/types";
import { expectClose, loadOracle, num } from "./oracle";

/**
 * one_proportion.json: for each oracle method, which of the recorded limits is svyprop's
 * documented choice (proportionCI always clips to [0, 1]).
 */
const CHOICES: Record<string, { method: CIMethod; lower: string; upper: string }> = {
  wald: { method: "wald", lower: "lower_clipped", upper: "upper_clipped" },
  wilson: { method: "wilson", lower: "lower", upper: "upper" },
  wilson_cc: { method: "wilson-cc", lower: "newcombe_lower", upper: "newcombe_upper" }, // D1: ½ always
  agresti_coull: { method: "agresti-coull", lower: "lower_clipped", upper: "upper_clipped" },
  clopper_pearson: { method: "clopper-pearson", lower: "lower", upper: "upper" },
  jeffreys: { method: "jeffreys", lower: "lower_boundary_modified", upper: "upper_boundary_modified" },
  logit: { method: "logit", lower: "lower", upper: "upper" },
};

const cases = loadOracle("one_proportion.json");

describe("proportionCI against one_proportion.json", () => {
  it("has visible cases for every method", () => {
    for (const name of Object.keys(CHOICES)) expect(cases.some((c) => c.method === name), name).toBe(true);
  });

  for (const c of cases) {
    const choice = CHOICES[c.method];
    if (choice === undefined) throw new Error(`unexpected method ${c.method}`);
    const x = num(c.inputs.x);
    const n = num(c.inputs.n);
    const level = num(c.inputs.level);
    it(c.id, () => {
      const interval = proportionCI(x, n, { method: choice.method, level });
      expect(interval.method).toBe(choice.method);
      expect(interval.level).toBe(level);
      expect(interval.estimate).toBe(x / n);
      const lower = c.outputs[choice.lower];
      const upper = c.outputs[choice.upper];
      if (lower === null || upper === null) {
        // logit is undefined at x = 0 and x = n: svyprop returns the Clopper–Pearson limits there
        expect(c.method).toBe("logit");
        const alphaHalf = (1 - level) / 2;
        if (x === 0) {
          expect(interval.lower).toBe(0);
          expectClose(interval.upper, 1 - alphaHalf ** (1 / n), 1e-12, "upper");
        } else {
          expectClose(interval.lower, alphaHalf ** (1 / n), 1e-12, "lower");
          expect(interval.upper).toBe(1);
        }
        return;
      }
      expectClose(interval.lower, num(lower), 1e-9, "lower");
      expectClose(interval.upper, num(upper), 1e-9, "upper");
    });
  }
});
