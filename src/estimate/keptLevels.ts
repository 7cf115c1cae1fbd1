import type { Tally } from "../tally";

/**
 * The categories of a crosstab's two questions that somebody chose among the respondents who
 * answered both, in codebook order: what its tests and column comparisons keep (a category
 * nobody chose carries no information). Read from the row question's tally split by the column
 * question (`Tally.by`), so the rows and a streamed tally keep the same ones.
 *
 * @param tally - The row question's tally split by the column question.
 * @returns The indices of the row categories and of the column categories kept.
 */
export function keptLevels(tally: Tally): { rows: number[]; cols: number[] } {
  const k = tally.categories.length;
  const groups = tally.by?.groups.length ?? 1;
  const chosen = (r: number, c: number) => (tally.counts[c * k + r] as number) > 0;
  const rows = tally.categories.flatMap((_, r) => (Array.from({ length: groups }, (__, c) => c).some((c) => chosen(r, c)) ? [r] : []));
  const cols = Array.from({ length: groups }, (_, c) => c).filter((c) => tally.categories.some((__, r) => chosen(r, c)));
  return { rows, cols };
}
