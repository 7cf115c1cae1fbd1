import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CI_METHODS, proportionCI } from "../../src/stats/proportionCI";
import { expectArgumentError } from "./expectArgumentError";

const method = fc.constantFrom(...CI_METHODS);
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });
/** (x, n) with 0 ≤ x ≤ n, 1 ≤ n ≤ 5000. */
const sample = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
/** (x, n, N) with N ≥ n. */
const finiteSample = sample.chain(([x, n]) => fc.tuple(fc.constant(x), fc.constant(n), fc.integer({ min: n, max: 20 * n + 10 })));
const width = ({ lower, upper }: { lower: number; upper: number }): number => upper - lower;
const ROUNDING = 1e-12;

describe("proportionCI properties", () => {
  it("0 ≤ lower ≤ estimate ≤ upper ≤ 1, with and without the FPC", () => {
    fc.assert(
      fc.property(finiteSample, method, level, fc.boolean(), ([x, n, N], m, l, useFpc) => {
        const ci = proportionCI(x, n, { method: m, level: l, ...(useFpc ? { populationSize: N } : {}) });
        expect(ci.estimate).toBe(x / n);
        expect(0).toBeLessThanOrEqual(ci.lower);
        expect(ci.lower).toBeLessThanOrEqual(ci.estimate + ROUNDING);
        expect(ci.estimate).toBeLessThanOrEqual(ci.upper + ROUNDING);
        expect(ci.upper).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it("is wider (nested) at a higher level", () => {
    fc.assert(
      fc.property(sample, method, level, level, ([x, n], m, a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        const narrow = proportionCI(x, n, { method: m, level: low });
        const wide = proportionCI(x, n, { method: m, level: high });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + ROUNDING);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - ROUNDING);
      }),
      { numRuns: 2000 },
    );
  });

  it("mirrors under x ↔ n − x", () => {
    fc.assert(
      fc.property(finiteSample, method, level, fc.boolean(), ([x, n, N], m, l, useFpc) => {
        const options = { method: m, level: l, ...(useFpc ? { populationSize: N } : {}) };
        const ci = proportionCI(x, n, options);
        const mirrored = proportionCI(n - x, n, options);
        expect(Math.abs(mirrored.lower - (1 - ci.upper))).toBeLessThanOrEqual(1e-10);
        expect(Math.abs(mirrored.upper - (1 - ci.lower))).toBeLessThanOrEqual(1e-10);
      }),
      { numRuns: 2000 },
    );
  });

  it("is never wider with the finite-population correction", () => {
    fc.assert(
      fc.property(finiteSample, method, level, ([x, n, N], m, l) => {
        const corrected = proportionCI(x, n, { method: m, level: l, populationSize: N });
        const uncorrected = proportionCI(x, n, { method: m, level: l });
        expect(width(corrected)).toBeLessThanOrEqual(width(uncorrected) + ROUNDING);
      }),
      { numRuns: 2000 },
    );
  });

  it("has zero width for a census (populationSize = n)", () => {
    fc.assert(
      fc.property(sample, method, level, ([x, n], m, l) => {
        const ci = proportionCI(x, n, { method: m, level: l, populationSize: n });
        expect([ci.lower, ci.upper]).toEqual([x / n, x / n]);
      }),
    );
  });

  it("tends to the uncorrected interval as the population grows", () => {
    for (const m of CI_METHODS) {
      const corrected = proportionCI(147, 202, { method: m, populationSize: 1e15 });
      const uncorrected = proportionCI(147, 202, { method: m });
      expect(Math.abs(corrected.lower - uncorrected.lower)).toBeLessThan(1e-9);
      expect(Math.abs(corrected.upper - uncorrected.upper)).toBeLessThan(1e-9);
    }
  });

  it("shrinks the Wald half-width by √((N−n)/(N−1)) (Cochran 1977)", () => {
    const corrected = proportionCI(147, 202, { method: "wald", populationSize: 405 });
    const uncorrected = proportionCI(147, 202, { method: "wald" });
    expect(width(corrected) / width(uncorrected)).toBeCloseTo(Math.sqrt((405 - 202) / 404), 12);
  });

  it("defaults to Wilson at 95 %", () => {
    const ci = proportionCI(19, 40);
    expect(ci.method).toBe("wilson");
    expect(ci.level).toBe(0.95);
    expect(ci.estimate).toBe(0.475);
  });

  it("gives 0/178 a lower limit of exactly 0 with every method", () => {
    for (const m of CI_METHODS) expect(proportionCI(0, 178, { method: m }).lower).toBe(0);
  });
});

describe("proportionCI bad arguments", () => {
  const cases: Array<[string, () => unknown]> = [
    ["x", () => proportionCI(11, 10)],
    ["x", () => proportionCI(-1, 10)],
    ["x", () => proportionCI(2.5, 10)],
    ["x", () => proportionCI(Number.NaN, 10)],
    ["n", () => proportionCI(0, 0)],
    ["n", () => proportionCI(1, 10.5)],
    ["n", () => proportionCI(1, Number.POSITIVE_INFINITY)],
    ["level", () => proportionCI(1, 10, { level: 0 })],
    ["level", () => proportionCI(1, 10, { level: 1 })],
    ["level", () => proportionCI(1, 10, { level: 95 })],
    ["level", () => proportionCI(1, 10, { level: Number.NaN })],
    ["populationSize", () => proportionCI(1, 10, { populationSize: 9 })],
    ["populationSize", () => proportionCI(1, 10, { populationSize: 9.5 })],
    ["populationSize", () => proportionCI(1, 10, { populationSize: Number.POSITIVE_INFINITY })],
    ["populationSize", () => proportionCI(1, 10, { populationSize: Number.NaN })],
    ["method", () => proportionCI(1, 10, { method: "exact" as never })],
  ];
  for (const [argument, run] of cases) {
    it(`rejects a bad ${argument}: ${run.toString().replace(/^\(\) => /, "")}`, () => expectArgumentError(run, argument));
  }
});
