import type { Codebook } from "../codebook";
import { SqlTallier, type SqlTally } from "./SqlTallier";

/** One row of the tally query's result, by column name (any case): question, v1…, stratum, psu, fpc, n, sw, sw2, nw, minw. */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * The tallies of the tally query's result (`tallyQuery`, run by any engine), given as records by
 * column name: see `SqlTallier`, which this feeds row by row. `questions` defaults to those the
 * result holds. A result whose questions do not all count the same rows (a truncated export), a
 * row without a weight or with a negative one, is refused.
 */
export function tallyFromSql(rows: Iterable<SqlRow>, codebook: Codebook, options: { questions?: readonly string[] } = {}): SqlTally {
  let tallier: SqlTallier | undefined;
  let header: string[] = [];
  for (const row of rows) {
    if (tallier === undefined) {
      header = Object.keys(row);
      tallier = new SqlTallier(codebook, header, options);
    }
    tallier.add(header.map((name) => row[name]));
  }
  return (tallier ?? new SqlTallier(codebook, [], options)).finish();
}
