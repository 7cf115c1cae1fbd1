import { describe, expect, it } from "vitest";
import { checkFigures, numeratorRange, numeratorsFor, type ConsistencyRounding } from "../../../src/stats/consistency";
import { consistencyTarget } from "../../../src/stats/consistency/consistencyTarget";
import { denominatorRunsOf } from "../../../src/stats/consistency/denominatorsFor";
import { fitsDenominator } from "../../../src/stats/consistency/fitsDenominator";
import { expandRuns } from "../../../src/stats/consistency/integerRuns";
import { mulberry32 } from "../../seededRandom";

/** Issue 18: a base of 10¹⁵ without a count crashed V8; 100 figures searched up to 10⁶ ran for minutes. */
describe("consistency searches on large ranges", () => {
  it("gives the counts out of a base of 10¹⁵ as one run, without listing them", () => {
    const [verdict] = checkFigures([{ label: "Huge base", printed: "50", base: 1e15 }]);
    expect(verdict).toMatchObject({ verdict: "possible", numeratorRuns: [{ from: 495e12, to: 505e12 - 1 }] });
    expect(verdict?.numerators).toBeUndefined();
    expect(numeratorRange("50", 1e15)).toEqual({ from: 495e12, to: 505e12 - 1 });
    expect(() => numeratorsFor("50", 1e15)).toThrow(/too many to list; use numeratorRange/);
  });

  it("summarises the bases of 100 figures searched up to 10⁶ as runs", () => {
    const figures = Array.from({ length: 100 }, (_, i) => ({ label: `f${i}`, printed: String(10 + (i % 80)), count: 1000 + 37 * i }));
    const verdicts = checkFigures(figures, { max: 1_000_000 });
    for (const [i, verdict] of verdicts.entries()) {
      const printed = 10 + (i % 80);
      const count = 1000 + 37 * i;
      // count/n prints as `printed` % half-up exactly when printed − ½ ≤ 100·count/n < printed + ½
      const from = Math.floor((100 * count) / (printed + 0.5)) + 1;
      const to = Math.floor((100 * count) / (printed - 0.5));
      expect(verdict.denominatorRuns).toEqual([{ from, to }]);
    }
  });

  it("finds the same denominators as trying every n, for every rounding rule, with and without a count", () => {
    const random = mulberry32(18);
    const rules: ConsistencyRounding[] = ["half-up", "half-even", "truncate", "either"];
    for (let trial = 0; trial < 120; trial++) {
      const decimals = Math.floor(random() * 3);
      const units = Math.floor(random() * 100 * 10 ** decimals + random() * 3); // sometimes above 100 %
      const printed = decimals === 0 ? String(units) : `${Math.floor(units / 10 ** decimals)}.${String(units % 10 ** decimals).padStart(decimals, "0")}`;
      const rounding = rules[trial % rules.length] as ConsistencyRounding;
      const target = consistencyTarget(printed, { rounding });
      const count = random() < 0.5 ? undefined : Math.floor(random() * 300);
      const range = { min: 1 + Math.floor(random() * 50), max: 50 + Math.floor(random() * 1500) };
      const expected: number[] = [];
      for (let n = Math.max(range.min, count ?? 0); n <= range.max; n++) if (fitsDenominator(target, n, count)) expected.push(n);
      expect(expandRuns(denominatorRunsOf(target, range, count)), `${printed} ${rounding} count ${count} ${range.min}–${range.max}`).toEqual(expected);
    }
  });
});
