import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { multinomialCI } from "../../src/stats";
import { chiSquareUpperTail, poissonLowerTail } from "../../src/stats/tails";

/** Values from tests/reference/sison-glaz/sison-glaz.R: Sison & Glaz (1995) by plain box sums, and R's ppois. */
const reference = JSON.parse(readFileSync(new URL("../reference/sison-glaz/sison-glaz.json", import.meta.url), "utf8")) as {
  cases: Array<{ counts: number[]; level: number; lower: number[]; upper: number[] }>;
  poisson: Array<{ k: number; lambda: number; lower: number }>;
  chiSquare: Array<{ statistic: number; df: number; upper: number }>;
};

describe("Sison–Glaz against a direct R implementation of the paper", () => {
  for (const { counts, level, lower, upper } of reference.cases) {
    it(`[${counts.join(", ")}] at ${level}`, () => {
      const intervals = multinomialCI(counts, { method: "sison-glaz", level });
      intervals.forEach((interval, i) => {
        expect(interval.lower).toBeCloseTo(lower[i] as number, 10);
        expect(interval.upper).toBeCloseTo(upper[i] as number, 10);
      });
    });
  }

  it("keeps √N × half-width on R's value at N = 10⁷ from N = 10⁸ to 10¹⁴ (the large-N regime; 48/N at 10¹² before)", () => {
    const at7 = reference.cases.find((entry) => entry.counts[2] === 5e6);
    if (at7 === undefined) throw new Error("the reference has no N = 10⁷ case");
    const scaledR = at7.upper.map((upper, i) => ((upper - (at7.lower[i] as number)) / 2) * Math.sqrt(1e7));
    for (const total of [1e8, 1e10, 1e12, 1e14]) {
      const intervals = multinomialCI([0.2 * total, 0.3 * total, 0.5 * total], { method: "sison-glaz" });
      intervals.forEach((interval, i) => {
        const scaled = ((interval.upper - interval.lower) / 2) * Math.sqrt(total);
        // the box's integer width moves √N × half-width by at most 1/√N; the limit is 1.06487 here
        expect(Math.abs(scaled - (scaledR[i] as number))).toBeLessThan(5e-4);
      });
    }
  });
});

describe("the Poisson CDF against R's ppois, up to λ = 10¹⁴", () => {
  for (const { k, lambda, lower } of reference.poisson) {
    it(`P(Y ≤ ${k}) for λ = ${lambda}`, () => {
      const value = poissonLowerTail(k, lambda);
      expect(Math.abs(value - lower)).toBeLessThanOrEqual(1e-13 * Math.max(lower, 1e-3));
    });
  }
});

describe("the same incomplete gamma function as chi-square's upper tail at large df, against R's pchisq", () => {
  for (const { statistic, df, upper } of reference.chiSquare) {
    it(`P(χ²_${df} ≥ ${statistic.toPrecision(8)})`, () => {
      expect(Math.abs(chiSquareUpperTail(statistic, df) - upper)).toBeLessThanOrEqual(1e-10 * upper);
    });
  }
});
