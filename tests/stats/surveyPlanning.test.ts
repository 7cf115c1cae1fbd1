import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { marginOfError } from "../../src/stats/marginOfError";
import { sampleSize } from "../../src/stats/sampleSize";
import { expectArgumentError } from "./expectArgumentError";

describe("sampleSize and marginOfError", () => {
  it("give the textbook sizes for ±5 points at 95 %", () => {
    expect(sampleSize({ margin: 0.05 })).toBe(385); // 1.96² · 0.25 / 0.05² = 384.1
    expect(sampleSize({ margin: 0.05, populationSize: 1000 })).toBe(278); // Krejcie & Morgan (1970), table 1
    expect(sampleSize({ margin: 0.05, populationSize: 100 })).toBe(80);
  });

  it("gives the Moubarak survey's margin: 202 of 405 answered", () => {
    const withoutFpc = marginOfError(202);
    expect(withoutFpc).toBeCloseTo(1.959963984540054 * Math.sqrt(0.25 / 202), 15);
    expect(marginOfError(202, { populationSize: 405 })).toBeCloseTo(withoutFpc * Math.sqrt(203 / 404), 15);
  });

  it("is zero for a census", () => {
    expect(marginOfError(405, { populationSize: 405 })).toBe(0);
    expect(marginOfError(1, { populationSize: 1 })).toBe(0);
  });

  it("sampleSize is the smallest n whose marginOfError is within the margin", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.005, max: 0.3, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.option(fc.integer({ min: 2, max: 1_000_000 }), { nil: undefined }),
        (margin, level, p, populationSize) => {
          const n = sampleSize({ margin, level, p, populationSize });
          if (populationSize !== undefined) expect(n).toBeLessThanOrEqual(populationSize);
          expect(marginOfError(n, { p, level, populationSize })).toBeLessThanOrEqual(margin * (1 + 1e-9));
          if (n > 1) expect(marginOfError(n - 1, { p, level, populationSize })).toBeGreaterThan(margin);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("the finite-population correction never asks for more", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 0.3, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (margin, N) => {
        expect(sampleSize({ margin, populationSize: N })).toBeLessThanOrEqual(sampleSize({ margin }));
      }),
    );
  });

  const bad: Array<[string, () => unknown]> = [
    ["margin", () => sampleSize({ margin: 0 })],
    ["margin", () => sampleSize({ margin: 5 })],
    ["margin", () => sampleSize({ margin: Number.NaN })],
    ["level", () => sampleSize({ margin: 0.05, level: 1 })],
    ["p", () => sampleSize({ margin: 0.05, p: 0 })],
    ["populationSize", () => sampleSize({ margin: 0.05, populationSize: 0 })],
    ["populationSize", () => sampleSize({ margin: 0.05, populationSize: 10.5 })],
    ["n", () => marginOfError(0)],
    ["n", () => marginOfError(2.5)],
    ["p", () => marginOfError(10, { p: 1.5 })],
    ["level", () => marginOfError(10, { level: Number.NaN })],
    ["populationSize", () => marginOfError(10, { populationSize: 9 })],
  ];
  for (const [argument, run] of bad) {
    it(`rejects a bad ${argument}: ${run.toString().replace(/^\(\) => /, "")}`, () => expectArgumentError(run, argument));
  }
});
