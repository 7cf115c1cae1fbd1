import type { Codebook } from "../codebook";
import { SqlTallier, type SqlTally } from "./SqlTallier";

/** One row of the tally query's result, by column name (any case): question, v1…, stratum, psu, fpc, n, sw, sw2, nw, minw. */
export type SqlRow = Readonly<Record<string, unknown>>;

/**
 * The tallies of the tally query's result (`tallyQuery`, run by any engine), given as records by
 * column name: see `SqlTallier`, which this feeds row by row. `questions` defaults to those the
 * result holds. A result whose questions do not all count the same rows (a truncated export), a
 * row without a weight or with a negative one, is refused.
 *
 * @param rows - The tally query's result rows, as the engine's client gives them (numbers or
 *   numeric strings, `bigint` counts included).
 * @param codebook - The codebook the query was written from (`tallyQuery`).
 * @param options - The questions to tally (default: those the result holds).
 * @returns Per question, its tally (and its design sums for a weighted, stratified or clustered
 *   design), with the validation report `loadSurvey` would give.
 *
 * @example
 * ```ts
 * import { tallyFromSql } from "svyprop";
 *
 * const codebook = {
 *   questions: [{ id: "real_name", column: "real_name", type: "binary" as const, positive: ["yes"], negative: ["no"] }],
 * };
 * // The result of tallyQuery(codebook), as an engine returns it.
 * const rows = [
 *   { question: "real_name", v1: "yes", n: 138 },
 *   { question: "real_name", v1: "no", n: 2 },
 *   { question: "real_name", v1: "maybe", n: 1 },
 * ];
 * const { tallies, report } = tallyFromSql(rows, codebook);
 * tallies.get("real_name")!.counts; // → [138, 2]
 * report.rowsRead; // → 141
 * report.counted; // → [{ code: "E_BAD_VALUE", question: "real_name", value: "maybe", rows: 1 }]
 * ```
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
