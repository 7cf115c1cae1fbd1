import fc from "fast-check";
import { quasibinomialFitOfCounts } from "../../src/stats/quasibinomialFit";
import { describe, expect, it } from "vitest";
import { proportionCI } from "../../src/stats/proportionCI";
import { SURVEY_CI_METHODS, surveyProportionCI } from "../../src/stats/surveyProportionCI";
import { expectArgumentError } from "./expectArgumentError";

const method = fc.constantFrom(...SURVEY_CI_METHODS);
const level = fc.double({ min: 0.5, max: 0.995, noNaN: true });
/**
 * p at a resolution of 1e-9 and SE = 0 or in [1e-4, 0.3] (effective sample sizes up to about
 * 1e7; the beta quantiles slow to ~0.2 s each beyond 1e11 — see the report).
 */
const design = fc.record({
  p: fc.integer({ min: 0, max: 1e9 }).map((k) => k / 1e9),
  se: fc.oneof(fc.constant(0), fc.integer({ min: 1e5, max: 3e8 }).map((k) => k / 1e9)),
  df: fc.integer({ min: 1, max: 500 }),
  extraRows: fc.integer({ min: 0, max: 2000 }),
});

describe("surveyProportionCI properties", () => {
  it("0 ≤ lower ≤ estimate ≤ upper ≤ 1, never NaN (including R's degenerate cases)", () => {
    fc.assert(
      fc.property(design, method, level, ({ p: drawn, se, df, extraRows }, m, l) => {
        const nrow = df + 1 + extraRows;
        // "likelihood" without a fit takes p·nrow as a count of equally weighted rows
        const p = m === "likelihood" ? Math.round(drawn * nrow) / nrow : drawn;
        const ci = surveyProportionCI(p, se, { df, nrow, method: m, level: l });
        expect(Number.isNaN(ci.lower) || Number.isNaN(ci.upper)).toBe(false);
        expect(0).toBeLessThanOrEqual(ci.lower);
        expect(ci.lower).toBeLessThanOrEqual(p + 1e-12);
        expect(p).toBeLessThanOrEqual(ci.upper + 1e-12);
        expect(ci.upper).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it("stays finite for a tiny SE with the closed forms", () => {
    for (const m of ["mean", "logit", "xlogit", "asin"] as const) {
      for (const p of [1e-12, 0.3, 1 - 1e-12]) {
        const ci = surveyProportionCI(p, 1e-15, { df: 10, method: m });
        expect(ci.lower).toBeLessThanOrEqual(p);
        expect(ci.upper).toBeGreaterThanOrEqual(p);
      }
    }
  });

  it("throws rather than return NaN where the beta quantiles fail (p = 1e-170, effective n = 5e153)", () => {
    expectArgumentError(() => surveyProportionCI(2.3420569072702956e-170, 1.5717277847026288e-162, { df: 1, method: "beta" }), "se");
  });

  it("does not fold the asin interval over (R's (1, 2, 5) case gives lower > upper)", () => {
    const p = 0.5;
    const se = Math.sqrt(((1 - 2 / 5) * p * (1 - p)) / 1);
    const ci = surveyProportionCI(p, se, { df: 1, nrow: 2, method: "asin" });
    expect([ci.lower, ci.upper]).toEqual([0, 1]);
  });

  it("gives the exact interval at p = 0 or 1, where R returns NaN", () => {
    const exact = proportionCI(0, 202, { method: "clopper-pearson" });
    const ci = surveyProportionCI(0, 0, { df: 201, nrow: 202, method: "beta" });
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeCloseTo(exact.upper, 12);
  });

  it("gives [p, p] for a census (SE = 0, 0 < p < 1)", () => {
    for (const m of SURVEY_CI_METHODS) {
      const ci = surveyProportionCI(0.5, 0, { df: 29, nrow: 30, method: m });
      expect([ci.lower, ci.upper]).toEqual([0.5, 0.5]);
    }
  });
});

describe("surveyProportionCI bad arguments", () => {
  const bad: Array<[string, () => unknown]> = [
    ["p", () => surveyProportionCI(1.2, 0.1, { df: 10 })],
    ["p", () => surveyProportionCI(Number.NaN, 0.1, { df: 10 })],
    ["se", () => surveyProportionCI(0.5, -0.1, { df: 10 })],
    ["se", () => surveyProportionCI(0.5, Number.POSITIVE_INFINITY, { df: 10 })],
    ["df", () => surveyProportionCI(0.5, 0.1, { df: 0 })],
    ["level", () => surveyProportionCI(0.5, 0.1, { df: 10, level: 1 })],
    ["nrow", () => surveyProportionCI(0.5, 0.1, { df: 10, nrow: 1 })],
    ["method", () => surveyProportionCI(0.5, 0.1, { df: 10, method: "profile" as never })],
    ["fit", () => surveyProportionCI(0.37, 0.1, { df: 10, nrow: 11, method: "likelihood" })],
    ["fit", () => surveyProportionCI(0.5, 0.1, { df: 9, nrow: 10, method: "likelihood", fit: quasibinomialFitOfCounts(4, 10) })],
  ];
  for (const [argument, run] of bad) {
    it(`rejects a bad ${argument}: ${run.toString().replace(/^\(\) => /, "")}`, () => expectArgumentError(run, argument));
  }
});
