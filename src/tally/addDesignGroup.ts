import { setStratumFpc } from "../survey/designCellChecks";
import { createStratumTally, openPsu, type DesignColumnNames, type DesignTally } from "./designTally";

/** Rows that share a stratum, a PSU (or none) and analysis values, given by their sums (one row of a GROUP BY). */
export interface DesignGroup {
  /** Stratum id ("" for an unstratified design). */
  stratum: string;
  /** PSU id within the stratum; required for a clustered tally, ignored otherwise. */
  psu?: string;
  /** The stratum's population size, when the design has an fpc. */
  fpc?: number;
  /** The analysis values u_k the rows share (one per column of the tally). */
  values: readonly number[];
  /** Number of rows n, Σ w and Σ w² over them. */
  rows: number;
  sumW: number;
  sumW2: number;
}

/**
 * Adds a group of rows with equal analysis values to `tally` (in place) as `addDesignRows` adds
 * them one by one: every sum of `DesignTally` is linear in w and w² once u is fixed, so
 * Σ_i w_i u_a = u_a Σw and, for rows that are their own PSUs, Σ_i (w_i u_a)(w_i u_b) = u_a u_b Σw²
 * (Wolter 2007, ch. 6: the per-stratum moments of the linearised variance). A clustered group adds
 * to its PSU's open totals. Weights are checked by the caller (a GROUP BY gives no row numbers).
 */
export function addDesignGroup(tally: DesignTally, group: DesignGroup, names: DesignColumnNames = {}): DesignTally {
  const k = tally.columns;
  const { values, rows, sumW, sumW2 } = group;
  let stratum = tally.strata.get(group.stratum);
  if (stratum === undefined) {
    stratum = createStratumTally(group.stratum, k, tally.rows, undefined);
    tally.strata.set(group.stratum, stratum);
  }
  if (group.fpc !== undefined) setStratumFpc(stratum, group.fpc, undefined, names.fpc);
  tally.rows += rows;
  tally.sumW += sumW;
  tally.sumW2 += sumW2;
  stratum.rows += rows;
  for (let c = 0; c < k; c++) {
    const u = values[c] as number;
    tally.sumWU2[c]! += sumW * u * u;
    tally.sumW2U2[c]! += sumW2 * u * u;
    if (u !== 0) tally.rowsNonzero[c]! += rows;
  }
  if (tally.clustered) {
    const at = openPsu(stratum, group.psu ?? "", k);
    for (let c = 0; c < k; c++) {
      const u = values[c] as number;
      stratum.psuTotals[at + c]! += sumW * u;
      if (u !== 0) stratum.psuTotals[at + k + c]! += rows;
    }
    return tally;
  }
  stratum.nPsu += rows;
  for (let a = 0; a < k; a++) {
    const ua = values[a] as number;
    if (ua === 0) continue;
    stratum.s1[a]! += sumW * ua;
    stratum.psuNonzero[a]! += rows;
    for (let b = a; b < k; b++) stratum.s2[a * k + b]! += sumW2 * ua * (values[b] as number);
  }
  return tally;
}
