import type { DesignTally } from "../../tally/designTally";

/**
 * The degrees of freedom of the union of disjoint domains (no row in two of them) whose 0/1
 * indicators are `columns` of a design tally not yet finalised: #PSUs with a row in any of them
 * minus #strata with such PSUs — `domainDf` of the union's indicator, R `degf` of the subset. An
 * open PSU (a cluster) counts once however many of the domains it holds; a folded PSU (a row of a
 * design without clusters) lies in at most one domain, so the folded counts add.
 *
 * @param tally - The design tally, before `finalizeDesignTally` (which forgets which PSU held which rows).
 * @param columns - The domains' indicator columns.
 * @returns The union's degrees of freedom.
 */
export function disjointDomainsDf(tally: DesignTally, columns: readonly number[]): number {
  const k = tally.columns;
  let psus = 0;
  let strata = 0;
  for (const stratum of tally.strata.values()) {
    let count = 0;
    for (const c of columns) count += stratum.psuNonzero[c]!;
    for (const p of stratum.open.values()) {
      const rowsNonzero = 2 * k * p + k;
      if (columns.some((c) => stratum.psuTotals[rowsNonzero + c]! > 0)) count += 1;
    }
    if (count > 0) {
      psus += count;
      strata += 1;
    }
  }
  return psus - strata;
}
