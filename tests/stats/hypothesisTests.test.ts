import binomialPmf from "@stdlib/stats-base-dists-binomial-pmf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binomialTest } from "../../src/stats/binomialTest";
import { chiSquareTest } from "../../src/stats/chiSquareTest";
import { fisherExactTest } from "../../src/stats/fisherExactTest";
import { proportionTest } from "../../src/stats/proportionTest";
import { expectArgumentError } from "./expectArgumentError";

const sample = fc.integer({ min: 1, max: 2000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const p0 = fc.double({ min: 0.001, max: 0.999, noNaN: true });
/** r × c tables (2–3 × 2–4) of counts up to 8 with no empty row or column: small enough to enumerate. */
const table = fc
  .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 4 }))
  .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
  .filter((t) => t.every((row) => row.some((n) => n > 0)) && (t[0] as number[]).every((_, j) => t.some((row) => (row[j] as number) > 0)));
const twoByTwo = table.filter((t) => t.length === 2 && t[0]?.length === 2);
const transpose = (t: number[][]): number[][] => (t[0] as number[]).map((_, j) => t.map((row) => row[j] as number));

describe("binomialTest properties", () => {
  it("one-sided p-values add up to 1 + P(X = x), and the two-sided one is in [0, 1]", () => {
    fc.assert(
      fc.property(sample, p0, ([x, n], p) => {
        const less = binomialTest(x, n, { p0: p, alternative: "less" }).pValue;
        const greater = binomialTest(x, n, { p0: p, alternative: "greater" }).pValue;
        expect(less + greater).toBeCloseTo(1 + binomialPmf(x, n, p), 10);
        const twoSided = binomialTest(x, n, { p0: p }).pValue;
        expect(twoSided).toBeGreaterThanOrEqual(0);
        expect(twoSided).toBeLessThanOrEqual(1);
        // the observed side's tail is always counted
        expect(twoSided).toBeGreaterThanOrEqual(Math.min(less, greater, 1) * (1 - 1e-9));
      }),
      { numRuns: 500 },
    );
  });

  it("reports the one-sided Clopper–Pearson bound for a one-sided alternative", () => {
    const less = binomialTest(7, 20, { alternative: "less" });
    expect(less.lower).toBe(0);
    const greater = binomialTest(7, 20, { alternative: "greater" });
    expect(greater.upper).toBe(1);
  });
});

describe("proportionTest properties", () => {
  it("z² is the statistic; without correction the two-sided p-value is twice the smaller tail", () => {
    fc.assert(
      fc.property(sample, p0, fc.boolean(), ([x, n], p, correction) => {
        const twoSided = proportionTest(x, n, { p0: p, correction });
        expect(twoSided.z ** 2).toBeCloseTo(twoSided.statistic, 8);
        if (correction) return;
        const less = proportionTest(x, n, { p0: p, alternative: "less", correction }).pValue;
        const greater = proportionTest(x, n, { p0: p, alternative: "greater", correction }).pValue;
        expect(less + greater).toBeCloseTo(1, 12);
        expect(twoSided.pValue).toBeCloseTo(2 * Math.min(less, greater), 10);
      }),
      { numRuns: 500 },
    );
  });
});

describe("chiSquareTest properties", () => {
  it("keeps the margins, is symmetric under transposition and bounded", () => {
    fc.assert(
      fc.property(table, fc.boolean(), (t, correction) => {
        const result = chiSquareTest(t, { correction });
        expect(result.statistic).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
        expect(result.cramersV).toBeGreaterThanOrEqual(0);
        expect(result.cramersV).toBeLessThanOrEqual(1 + 1e-12);
        expect(result.df).toBe((t.length - 1) * ((t[0] as number[]).length - 1));
        t.forEach((row, i) => {
          const expectedRow = result.expected[i] as number[];
          expect(expectedRow.reduce((a, b) => a + b, 0)).toBeCloseTo(row.reduce((a, b) => a + b, 0), 9);
        });
        const transposed = chiSquareTest(transpose(t), { correction });
        expect(transposed.statistic).toBeCloseTo(result.statistic, 9);
        expect(chiSquareTest(t, { correction: true }).statistic).toBeLessThanOrEqual(chiSquareTest(t, { correction: false }).statistic + 1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe("fisherExactTest properties", () => {
  it("2 × 2: one-sided p-values add up to 1 + P(observed); two-sided is at least the smaller one", () => {
    fc.assert(
      fc.property(twoByTwo, (t) => {
        const less = fisherExactTest(t, { alternative: "less" }).pValue;
        const greater = fisherExactTest(t, { alternative: "greater" }).pValue;
        const twoSided = fisherExactTest(t).pValue;
        expect(less + greater).toBeGreaterThan(1);
        expect(twoSided).toBeLessThanOrEqual(1);
        expect(twoSided).toBeGreaterThanOrEqual(Math.min(less, greater) * (1 - 1e-9));
      }),
      { numRuns: 300 },
    );
  });

  it("r × c: the two-sided p-value is a probability and does not depend on orientation", () => {
    fc.assert(
      fc.property(table, (t) => {
        const { pValue } = fisherExactTest(t);
        expect(pValue).toBeGreaterThan(0);
        expect(pValue).toBeLessThanOrEqual(1);
        expect(fisherExactTest(transpose(t)).pValue).toBeCloseTo(pValue, 9);
      }),
      { numRuns: 40 },
    );
  });

  it("reports the sample odds ratio ad/bc, infinite when bc = 0", () => {
    expect(fisherExactTest([[12, 5], [7, 9]]).oddsRatio).toBeCloseTo((12 * 9) / (5 * 7), 14);
    expect(fisherExactTest([[10, 0], [3, 7]]).oddsRatio).toBe(Number.POSITIVE_INFINITY);
    expect(fisherExactTest([[1, 2, 3], [3, 2, 1]]).oddsRatio).toBeUndefined();
  });
});

describe("test functions: bad arguments", () => {
  const bad: Array<[string, () => unknown]> = [
    ["x", () => binomialTest(11, 10)],
    ["x", () => binomialTest(1.5, 10)],
    ["n", () => binomialTest(0, 0)],
    ["p0", () => binomialTest(1, 10, { p0: 0 })],
    ["p0", () => binomialTest(1, 10, { p0: Number.NaN })],
    ["alternative", () => binomialTest(1, 10, { alternative: "two.sided" as never })],
    ["level", () => binomialTest(1, 10, { level: 2 })],
    ["x", () => proportionTest(3, 2)],
    ["n", () => proportionTest(0, 0)],
    ["p0", () => proportionTest(1, 10, { p0: 1 })],
    ["alternative", () => proportionTest(1, 10, { alternative: "greater-than" as never })],
    ["table", () => chiSquareTest([[1, 2]])],
    ["table", () => chiSquareTest([[1], [2]])],
    ["table[1]", () => chiSquareTest([[1, 2], [3]])],
    ["table[0][1]", () => chiSquareTest([[1, -2], [3, 4]])],
    ["table[1][0]", () => chiSquareTest([[1, 2], [3.5, 4]])],
    ["table[1][1]", () => chiSquareTest([[1, 2], [3, Number.NaN]])],
    ["table[0]", () => chiSquareTest([[0, 0], [3, 4]])],
    ["table", () => chiSquareTest([[0, 2], [0, 4]])],
    ["table[0][0]", () => fisherExactTest([[-1, 2], [3, 4]])],
    ["alternative", () => fisherExactTest([[1, 2, 3], [3, 2, 1]], { alternative: "less" })],
    ["alternative", () => fisherExactTest([[1, 2], [3, 4]], { alternative: "both" as never })],
    ["table", () => fisherExactTest([[8, 3, 5, 2, 9], [4, 6, 2, 7, 1], [3, 8, 6, 2, 5], [7, 2, 4, 6, 3]], { workLimit: 10_000 })],
    ["workLimit", () => fisherExactTest([[1, 2, 3], [3, 2, 1]], { workLimit: 0 })],
    ["replicates", () => fisherExactTest([[1, 2, 3], [3, 2, 1]], { simulatePValue: true, replicates: 1.5 })],
    ["alternative", () => fisherExactTest([[1, 2], [3, 4]], { simulatePValue: true, alternative: "less" })],
  ];
  for (const [argument, run] of bad) {
    it(`rejects a bad ${argument}: ${run.toString().replace(/^\(\) => /, "")}`, () => expectArgumentError(run, argument));
  }
});
