import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIFFERENCE_METHODS, differenceCI } from "../../src/stats/differenceCI";
import { ODDS_RATIO_METHODS, oddsRatioCI } from "../../src/stats/oddsRatioCI";
import { RATIO_METHODS, ratioCI } from "../../src/stats/ratioCI";
import { expectArgumentError } from "./expectArgumentError";

/** Two groups (x1 of n1, x2 of n2), n up to 300. */
const groups = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }))
  .chain(([n1, n2]) => fc.tuple(fc.integer({ min: 0, max: n1 }), fc.constant(n1), fc.integer({ min: 0, max: n2 }), fc.constant(n2)));
const level = fc.double({ min: 0.5, max: 0.995, noNaN: true });
const ROUNDING = 1e-9;

describe("differenceCI properties", () => {
  it("−1 ≤ lower ≤ estimate ≤ upper ≤ 1 (Agresti–Caffo: −1 ≤ lower ≤ upper ≤ 1)", () => {
    fc.assert(
      fc.property(groups, fc.constantFrom(...DIFFERENCE_METHODS), level, fc.boolean(), ([x1, n1, x2, n2], method, l, correction) => {
        const ci = differenceCI(x1, n1, x2, n2, { method, level: l, correction });
        expect(ci.estimate).toBe(x1 / n1 - x2 / n2);
        expect(-1).toBeLessThanOrEqual(ci.lower);
        expect(ci.lower).toBeLessThanOrEqual(ci.upper);
        expect(ci.upper).toBeLessThanOrEqual(1);
        if (method === "agresti-caffo") return; // centred on the adjusted estimate: see the next test
        expect(ci.lower).toBeLessThanOrEqual(ci.estimate + ROUNDING);
        expect(ci.estimate).toBeLessThanOrEqual(ci.upper + ROUNDING);
      }),
      { numRuns: 300 },
    );
  });

  it("Agresti–Caffo can exclude the raw estimate, being centred on the adjusted one", () => {
    const ci = differenceCI(1, 1, 0, 1, { method: "agresti-caffo", level: 0.5 });
    expect(ci.estimate).toBe(1);
    expect(ci.upper).toBeLessThan(1); // centred on 2/3 − 1/3
  });

  it("changes sign when the groups swap", () => {
    fc.assert(
      fc.property(groups, fc.constantFrom(...DIFFERENCE_METHODS), level, ([x1, n1, x2, n2], method, l) => {
        const ci = differenceCI(x1, n1, x2, n2, { method, level: l });
        const swapped = differenceCI(x2, n2, x1, n1, { method, level: l });
        expect(swapped.lower).toBeCloseTo(-ci.upper, 8);
        expect(swapped.upper).toBeCloseTo(-ci.lower, 8);
      }),
      { numRuns: 200 },
    );
  });

  it("is wider at a higher level", () => {
    fc.assert(
      fc.property(groups, fc.constantFrom(...DIFFERENCE_METHODS), level, level, ([x1, n1, x2, n2], method, a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        const narrow = differenceCI(x1, n1, x2, n2, { method, level: low });
        const wide = differenceCI(x1, n1, x2, n2, { method, level: high });
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + ROUNDING);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - ROUNDING);
      }),
      { numRuns: 200 },
    );
  });
});

describe("ratioCI and oddsRatioCI properties", () => {
  it("hold the estimate, and the score interval inverts under swapping the groups", () => {
    fc.assert(
      fc.property(groups, level, ([x1, n1, x2, n2], l) => {
        fc.pre(x1 > 0 && x2 > 0 && x1 < n1 && x2 < n2);
        for (const method of RATIO_METHODS) {
          const ci = ratioCI(x1, n1, x2, n2, { method, level: l });
          expect(ci.lower).toBeLessThanOrEqual(ci.estimate * (1 + ROUNDING));
          expect(ci.upper).toBeGreaterThanOrEqual(ci.estimate * (1 - ROUNDING));
        }
        for (const method of ODDS_RATIO_METHODS) {
          const ci = oddsRatioCI(x1, n1, x2, n2, { method, level: l });
          // Gart's interval is centred on the odds ratio with ½ added to every cell, which can lie
          // far from the plain one (98/99 vs 1/116 at 50 %: 11270 is above the upper limit 11078).
          const centre = method === "logit-adjusted" ? ((x1 + 0.5) * (n2 - x2 + 0.5)) / ((n1 - x1 + 0.5) * (x2 + 0.5)) : ci.estimate;
          expect(ci.lower).toBeLessThanOrEqual(centre * (1 + ROUNDING));
          expect(ci.upper).toBeGreaterThanOrEqual(centre * (1 - ROUNDING));
        }
        const ratio = ratioCI(x1, n1, x2, n2, { method: "score", level: l });
        const swapped = ratioCI(x2, n2, x1, n1, { method: "score", level: l });
        expect(swapped.lower * ratio.upper).toBeCloseTo(1, 6);
        expect(swapped.upper * ratio.lower).toBeCloseTo(1, 6);
      }),
      { numRuns: 100 },
    );
  });

  it("reproduces Newcombe (1998)'s 56/70 vs 48/80 example", () => {
    const mn = differenceCI(56, 70, 48, 80, { method: "score", correction: true });
    const mee = differenceCI(56, 70, 48, 80, { method: "score", correction: false });
    expect([mn.lower, mn.upper].map((v) => v.toFixed(4))).toEqual(["0.0528", "0.3382"]);
    expect([mee.lower, mee.upper].map((v) => v.toFixed(4))).toEqual(["0.0533", "0.3377"]);
  });

  it("find score intervals narrower than the search grid (regression: 185/190 vs 170/178 at 50 %)", () => {
    const ratio = ratioCI(185, 190, 170, 178, { level: 0.5 });
    expect(ratio.lower).toBeLessThan(ratio.estimate);
    expect(ratio.upper).toBeGreaterThan(ratio.estimate);
    const difference = differenceCI(5_000_000, 10_000_000, 4_990_000, 10_000_000, { method: "score" });
    const wald = differenceCI(5_000_000, 10_000_000, 4_990_000, 10_000_000, { method: "wald" });
    expect(difference.lower).toBeCloseTo(wald.lower, 6);
    expect(difference.upper).toBeCloseTo(wald.upper, 6);
  });

  it("give the score interval (0, ∞) bounds at zero cells", () => {
    expect(ratioCI(0, 10, 5, 10).lower).toBe(0);
    expect(ratioCI(5, 10, 0, 10).upper).toBe(Number.POSITIVE_INFINITY);
    expect(ratioCI(5, 10, 0, 10).estimate).toBe(Number.POSITIVE_INFINITY);
    expect(oddsRatioCI(10, 10, 5, 10).upper).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("two-sample bad arguments", () => {
  const bad: Array<[string, () => unknown]> = [
    ["x1", () => differenceCI(11, 10, 1, 10)],
    ["x2", () => differenceCI(1, 10, -1, 10)],
    ["n1", () => differenceCI(0, 0, 1, 10)],
    ["n2", () => differenceCI(1, 10, 1, 10.5)],
    ["x1", () => differenceCI(Number.NaN, 10, 1, 10)],
    ["level", () => differenceCI(1, 10, 1, 10, { level: 1.5 })],
    ["method", () => differenceCI(1, 10, 1, 10, { method: "exact" as never })],
    ["x1", () => ratioCI(0, 10, 0, 10)],
    ["x2", () => ratioCI(3, 10, 0, 10, { method: "log" })],
    ["level", () => ratioCI(3, 10, 2, 10, { level: 0 })],
    ["x1", () => oddsRatioCI(0, 10, 0, 10)],
    ["n1 - x1", () => oddsRatioCI(10, 10, 3, 10, { method: "logit" })],
    ["method", () => oddsRatioCI(1, 10, 1, 10, { method: "woolf" as never })],
  ];
  for (const [argument, run] of bad) {
    it(`rejects a bad ${argument}: ${run.toString().replace(/^\(\) => /, "")}`, () => expectArgumentError(run, argument));
  }
});
