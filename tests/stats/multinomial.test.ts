import { describe, expect, it } from "vitest";
import { multinomialCI, type MultinomialMethod } from "../../src/stats/multinomialCI";
import { expectClose, loadOracle, num } from "./oracle";

/**
 * multinomial.json (statsmodels multinomial_proportions_confint). Where statsmodels 0.13.5
 * raises for sparse counts because its search starts at c = 1 (D5a), svyprop starts at c = 0
 * as R MultinomialCI does, and is compared with `by_source.R_MultinomialCI` (there the
 * box never exceeds N, so the two programs' formulas coincide).
 */
const cases = loadOracle("multinomial.json");
const TOLERANCE: Record<MultinomialMethod, number> = { goodman: 1e-12, "sison-glaz": 1e-6 };

describe("multinomialCI against multinomial.json", () => {
  for (const c of cases) {
    const method = c.method as MultinomialMethod;
    const counts = c.inputs.counts as number[];
    const level = num(c.inputs.level);
    it(c.id, () => {
      const reference =
        c.outputs.error === undefined
          ? c.outputs
          : ((c as unknown as { by_source: Record<string, Record<string, unknown>> }).by_source.R_MultinomialCI as Record<string, unknown>);
      const intervals = multinomialCI(counts, { method, level });
      const total = counts.reduce((a, b) => a + b, 0);
      expect(intervals.map((i) => i.estimate)).toEqual(counts.map((x) => x / total));
      intervals.forEach((interval, i) => {
        expect(interval.method).toBe(method);
        expectClose(interval.lower, num((reference.lower as unknown[])[i]), TOLERANCE[method], `lower[${i}]`);
        expectClose(interval.upper, num((reference.upper as unknown[])[i]), TOLERANCE[method], `upper[${i}]`);
      });
    });
  }
});
