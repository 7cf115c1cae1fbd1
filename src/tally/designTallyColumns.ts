import { argumentError } from "../errors";
import type { DesignTally, StratumTally } from "./designTally";

/**
 * The design tally of `count` of a tally's analysis columns, from column `first` on: every
 * stratum and PSU of the whole design kept (the PSUs without a row in those columns add zeros,
 * as a domain keeps them), the whole sample's rows, Σw and Σw², and the columns' own sums. The
 * tally of a question split by group (G·(1 + k) columns, group-major) gives each group's
 * [answered, category 1, …, category k] this way, the tally `addDesignRows` makes from those
 * columns alone. A PSU's id map is shared with `tally`, which must not change afterwards.
 */
export function designTallyColumns(tally: DesignTally, first: number, count: number): DesignTally {
  const K = tally.columns;
  if (!(first >= 0 && count >= 1 && first + count <= K)) throw argumentError("columns", `must lie within the tally's ${K}`, `${first}…${first + count - 1}`);
  const strata = new Map<string, StratumTally>();
  for (const [key, s] of tally.strata) {
    const s2 = new Float64Array(count * count);
    for (let a = 0; a < count; a++) s2.set(s.s2.subarray((first + a) * K + first, (first + a) * K + first + count), a * count);
    const psus = s.open.size;
    const psuTotals = new Float64Array(2 * count * psus);
    for (let p = 0; p < psus; p++) {
      psuTotals.set(s.psuTotals.subarray(2 * K * p + first, 2 * K * p + first + count), 2 * count * p);
      psuTotals.set(s.psuTotals.subarray(2 * K * p + K + first, 2 * K * p + K + first + count), 2 * count * p + count);
    }
    strata.set(key, {
      key,
      firstRow: s.firstRow,
      fpc: s.fpc,
      rows: s.rows,
      nPsu: s.nPsu,
      s1: s.s1.slice(first, first + count),
      s2,
      psuNonzero: s.psuNonzero.slice(first, first + count),
      open: s.open,
      psuTotals,
    });
  }
  return {
    columns: count,
    clustered: tally.clustered,
    strata,
    rows: tally.rows,
    sumW: tally.sumW,
    sumW2: tally.sumW2,
    sumWU2: tally.sumWU2.slice(first, first + count),
    sumW2U2: tally.sumW2U2.slice(first, first + count),
    rowsNonzero: tally.rowsNonzero.slice(first, first + count),
  };
}
