import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MULTINOMIAL_METHODS, multinomialCI } from "../../src/stats/multinomialCI";
import { expectArgumentError } from "./expectArgumentError";

const counts = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 7 }).filter((c) => c.some((x) => x > 0));
const level = fc.double({ min: 0.5, max: 0.99, noNaN: true });

describe("multinomialCI properties", () => {
  it("0 ≤ lower ≤ estimate ≤ upper ≤ 1 for every cell", () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(...MULTINOMIAL_METHODS), level, (c, method, l) => {
        const intervals = multinomialCI(c, { method, level: l });
        expect(intervals).toHaveLength(c.length);
        for (const interval of intervals) {
          expect(0).toBeLessThanOrEqual(interval.lower);
          expect(interval.lower).toBeLessThanOrEqual(interval.estimate + 1e-12);
          expect(interval.estimate).toBeLessThanOrEqual(interval.upper + 1e-12);
          expect(interval.upper).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("Goodman intervals are wider at a higher level", () => {
    fc.assert(
      fc.property(counts, level, level, (c, a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        const narrow = multinomialCI(c, { method: "goodman", level: low });
        const wide = multinomialCI(c, { method: "goodman", level: high });
        wide.forEach((w, i) => {
          expect(w.lower).toBeLessThanOrEqual((narrow[i]?.lower as number) + 1e-12);
          expect(w.upper).toBeGreaterThanOrEqual((narrow[i]?.upper as number) - 1e-12);
        });
      }),
    );
  });

  it("Sison–Glaz stays finite for large counts (regression: NaN at N = 100 000)", () => {
    const counts = [50_000, 30_000, 20_000];
    for (const interval of multinomialCI(counts)) {
      expect(Number.isFinite(interval.lower) && Number.isFinite(interval.upper)).toBe(true);
      expect(interval.lower).toBeLessThan(interval.estimate);
      expect(interval.upper).toBeGreaterThan(interval.estimate);
      expect(interval.upper - interval.lower).toBeLessThan(0.01);
    }
  });

  it("defaults to Sison–Glaz at 95 %", () => {
    const [first] = multinomialCI([56, 72, 73]);
    expect(first?.method).toBe("sison-glaz");
    expect(first?.level).toBe(0.95);
  });
});

describe("multinomialCI bad arguments", () => {
  const bad: Array<[string, () => unknown]> = [
    ["counts", () => multinomialCI([5])],
    ["counts", () => multinomialCI([0, 0, 0])],
    ["counts[1]", () => multinomialCI([5, -1])],
    ["counts[0]", () => multinomialCI([2.5, 1])],
    ["counts[2]", () => multinomialCI([1, 2, Number.NaN])],
    ["level", () => multinomialCI([1, 2], { level: 0 })],
    ["method", () => multinomialCI([1, 2], { method: "quesenberry" as never })],
  ];
  for (const [argument, run] of bad) {
    it(`rejects a bad ${argument}: ${run.toString().replace(/^\(\) => /, "")}`, () => expectArgumentError(run, argument));
  }
});

describe("multinomialCI (Sison–Glaz) at large N", () => {
  // Issue 18: the step-by-step search took minutes at N = 10⁸ and N log N − log N! cancelled at 10¹²;
  // the half-width shrinks as 1/√N, so √N × half-width settles (1.0598 at 10⁴, 1.0644 at 10⁶, 1.06487 at 10¹⁴).
  it("keeps √N × half-width steady from N = 10⁴ to 10⁶", () => {
    const scaled = (total: number) =>
      multinomialCI([0.2 * total, 0.3 * total, 0.5 * total]).map((cell) => ((cell.upper - cell.lower) / 2) * Math.sqrt(total));
    const small = scaled(1e4);
    const large = scaled(1e6);
    for (const [i, value] of large.entries()) {
      expect(value).toBeGreaterThan(1);
      expect(Math.abs(value - (small[i] as number))).toBeLessThan(0.01);
    }
  });
});
