import type { Estimate } from "../types";

/** The fields of an `Estimate` in the order every serialisation writes them (the order of the `Estimate` type, docs/architecture.md). */
export const ESTIMATE_FIELDS = [
  "question",
  "questionLabel",
  "category",
  "categoryLabel",
  "group",
  "groupLabel",
  "count",
  "base",
  "weightedCount",
  "weightedBase",
  "proportion",
  "lower",
  "upper",
  "level",
  "method",
  "se",
  "deff",
  "effectiveN",
  "populationSize",
] as const satisfies readonly (keyof Estimate)[];

/** The row with its fields in `ESTIMATE_FIELDS` order, its group's keys sorted, and absent fields left out. */
export function orderedEstimate(row: Estimate): Partial<Estimate> {
  const ordered: Record<string, unknown> = {};
  for (const field of ESTIMATE_FIELDS) {
    const value = row[field];
    if (value === undefined) continue;
    ordered[field] = field === "group" ? sortKeys(value as Record<string, string>) : value;
  }
  return ordered as Partial<Estimate>;
}

function sortKeys(group: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(group).sort().map((key) => [key, group[key]!]));
}
