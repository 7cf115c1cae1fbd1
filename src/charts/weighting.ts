import type { Estimate } from "../types";

/**
 * Whether a row's proportion comes from a design (weights, or a design-based interval):
 * its `weightedBase` is set. Its `count` and `base` stay unweighted respondents.
 */
export function isWeighted(row: Estimate): boolean {
  return row.weightedBase !== undefined;
}
