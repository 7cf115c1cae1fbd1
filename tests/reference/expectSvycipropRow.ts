import { expect } from "vitest";
import { twoSidedT } from "../../src/stats/quantiles";
import type { ProportionReference } from "./rSurveyReference";

/** |actual − R| ≤ tol · max(1, |R|); R's NA (null) or Inf (1e999) must be non-finite in svyprop too. */
export function expectClose(actual: number | undefined, expected: number | null | undefined, tol: number, what: string): void {
  if (expected === null || (expected !== undefined && !Number.isFinite(expected))) {
    return expect(Number.isFinite(actual), `${what}: ${actual} vs R ${expected ?? "NA"}`).toBe(false);
  }
  expect(Math.abs(actual! - expected!), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected!)));
}

/**
 * A limit as R gives it, clipped to [0, 1] (R leaves "mean" unclipped). Where R's logistic refit
 * diverges (a replicate proportion near 0 or 1: R's limit NA) svyprop's is 0 or 1 to 1e-6.
 */
function expectLimit(actual: number, expected: number | null, what: string): void {
  if (expected === null) return expect(Math.min(Math.abs(actual), Math.abs(1 - actual)), `${what}: ${actual} where R's refit diverges`).toBeLessThanOrEqual(1e-6);
  expectClose(actual, Math.min(1, Math.max(0, expected)), 1e-6, what);
}

/** Whether R's asin interval folds over (its angle leaves [0, π/2]), which svyprop clips instead. */
function asinFolds(p: number, se: number, df: number): boolean {
  const halfWidth = (twoSidedT(0.95, df) * se) / (2 * Math.sqrt(p * (1 - p)));
  const angle = Math.asin(Math.sqrt(p));
  return angle - halfWidth < 0 || angle + halfWidth > Math.PI / 2;
}

/** The fields of an Estimate row that R's svyciprop gives too. */
interface ProportionRow {
  proportion: number;
  se?: number;
  deff?: number;
  lower: number;
  upper: number;
  base: number;
}

/**
 * One Estimate row against R's svyciprop (`method`, the reference's limits number `k`): proportion to 1e-8,
 * SE, deff and limits to 1e-6, the base exactly; without sampling error the point interval [p, p]
 * (where R's beta gives 0.5 and its likelihood profile fails); a folding asin interval clipped.
 */
export function expectSvycipropRow(row: ProportionRow | undefined, r: ProportionReference, k: number, method: string, where: string): void {
  const p = r.proportion[0]!;
  expectClose(row!.proportion, p, 1e-8, `${where} proportion`);
  expectClose(row!.se, r.se[0], 1e-6, `${where} SE`);
  expectClose(row!.deff, r.deff[0], 1e-6, `${where} deff`);
  expect(row!.base).toBe(r.n[0]);
  if (r.se[0]! <= 1e-12) {
    expect([row!.lower, row!.upper], `${where} ${method}`).toEqual([row!.proportion, row!.proportion]);
    return;
  }
  if (method === "asin" && asinFolds(p, r.se[0]!, r.degf[0]!)) {
    expect(Math.min(row!.lower, 1 - row!.upper), `${where} asin clipped, not folded`).toBe(0);
    return;
  }
  expectLimit(row!.lower, r.lower[k]!, `${where} ${method} lower`);
  expectLimit(row!.upper, r.upper[k]!, `${where} ${method} upper`);
}
