import { assertOneOf } from "./validate";

/** The multiple-comparison adjustments of `adjustPValues`. */
export const P_ADJUSTMENTS = ["holm", "bonferroni"] as const;
export type PAdjustment = (typeof P_ADJUSTMENTS)[number];

/**
 * P-values adjusted for m comparisons, as R `p.adjust`: "bonferroni" min(1, m·p); "holm" (Holm
 * 1979, Scand. J. Statist. 6:65–70) the i-th smallest times m − i + 1, made non-decreasing in that
 * order and capped at 1. Returned in the order given.
 */
export function adjustPValues(pValues: readonly number[], method: PAdjustment): number[] {
  assertOneOf("adjustment", method, P_ADJUSTMENTS);
  const m = pValues.length;
  if (method === "bonferroni") return pValues.map((p) => Math.min(1, m * p));
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
