import { describe, expect, it } from "vitest";
import { differenceCI, type DifferenceMethod } from "../../src/stats/differenceCI";
import { oddsRatioCI, type OddsRatioMethod } from "../../src/stats/oddsRatioCI";
import { ratioCI, type RatioMethod } from "../../src/stats/ratioCI";
import type { Interval } from "../../src/types";
import { expectArgumentError } from "./expectArgumentError";
import { expectClose, loadOracle, num, type OracleCase } from "./oracle";

/**
 * two_proportions.json. differenceCI clips to [−1, 1] (the oracle's wald and agresti-caffo are
 * unclipped). Where the estimate is 0/0, or a log-scale method meets a zero cell (statsmodels
 * raises ZeroDivisionError), svyprop throws E_ARGUMENT instead of returning NaN.
 * Score limits come from the oracle's own inversion (D2–D4), compared at 1e-9.
 */
const cases = loadOracle("two_proportions.json").filter((c) => c.method !== "prop_test");

function compute(c: OracleCase): Interval {
  const [x1, n1, x2, n2, level] = ["x1", "n1", "x2", "n2", "level"].map((k) => num(c.inputs[k])) as number[] as [number, number, number, number, number];
  const [compare, oracleMethod] = c.method.split("/") as [string, string];
  const correction = c.inputs.correction === true;
  if (compare === "diff") {
    const method = (oracleMethod === "newcomb" ? "newcombe" : oracleMethod) as DifferenceMethod;
    return differenceCI(x1, n1, x2, n2, { method, level, correction });
  }
  if (compare === "ratio") return ratioCI(x1, n1, x2, n2, { method: oracleMethod as RatioMethod, level, correction });
  return oddsRatioCI(x1, n1, x2, n2, { method: oracleMethod as OddsRatioMethod, level, correction });
}

const tolerance = (c: OracleCase): number => (c.method.endsWith("/score") ? 1e-9 : 1e-12);

describe("two-sample intervals against two_proportions.json", () => {
  for (const c of cases) {
    it(c.id, () => {
      const estimate = num(c.outputs.estimate);
      if (c.outputs.error !== undefined || Number.isNaN(estimate)) {
        expectArgumentError(() => compute(c), "x1", "x2", "n1 - x1", "n2 - x2");
        return;
      }
      const interval = compute(c);
      const clip = c.method.startsWith("diff/") ? (d: number) => Math.min(1, Math.max(-1, d)) : (d: number) => d;
      expectClose(interval.estimate, estimate, 1e-12, "estimate");
      expectClose(interval.lower, clip(num(c.outputs.lower)), tolerance(c), "lower");
      expectClose(interval.upper, clip(num(c.outputs.upper)), tolerance(c), "upper");
      expect(interval.lower).toBeLessThanOrEqual(interval.upper);
    });
  }
});
