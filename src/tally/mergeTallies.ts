import { SurveyError } from "../errors";
import type { Tally } from "./types";

/**
 * Adds two tallies of the same question (and grouping) — from two chunks of a file, two
 * workers, or two engines. Categories and groups must match, code for code.
 */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const sameShape =
    a.question === b.question &&
    sameCodes(a.categories, b.categories) &&
    a.by?.question === b.by?.question &&
    sameCodes(a.by?.groups ?? [], b.by?.groups ?? []);
  if (!sameShape) {
    throw new SurveyError("E_ARGUMENT", `cannot merge tallies of different shapes ("${a.question}" and "${b.question}")`);
  }
  return {
    ...a,
    counts: a.counts.map((count, i) => count + (b.counts[i] as number)),
    bases: a.bases.map((base, i) => base + (b.bases[i] as number)),
    ungrouped: a.ungrouped + b.ungrouped,
  };
}

function sameCodes(a: Array<{ code: string }>, b: Array<{ code: string }>): boolean {
  return a.length === b.length && a.every((item, i) => item.code === b[i]?.code);
}
