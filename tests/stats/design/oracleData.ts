import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { DesignInput } from "../../../src/stats/design";

import { repoRoot } from "../../paths";

/** Reads the oracle's weighted CSVs (copied under tests/oracle/) and the design each dataset was analysed with in R. */

export type Row = Record<string, string>;

export function readOracleCsv(dataFile: string): Row[] {
  const text = readFileSync(join(repoRoot, "tests", "oracle", dataFile), "utf8");
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${dataFile}: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

const numbers = (rows: Row[], column: string): Float64Array => Float64Array.from(rows, (r) => Number(r[column]));
export const strings = (rows: Row[], column: string): string[] => rows.map((r) => r[column]!);

/** The design of a dataset, as its `design_call` in weighted.json. */
export function designOf(dataset: string, rows: Row[]): DesignInput {
  switch (dataset) {
    case "a_unequal": // svydesign(ids = ~1, weights = ~w)
      return { weights: numbers(rows, "w") };
    case "b_stratified_fpc": // svydesign(ids = ~1, strata = ~stratum, fpc = ~fpc, weights = ~w)
      return { weights: numbers(rows, "w"), strata: strings(rows, "stratum"), fpc: numbers(rows, "fpc") };
    case "c_strat_cluster": // svydesign(ids = ~psu, strata = ~stratum, weights = ~w, nest = TRUE)
      return { weights: numbers(rows, "w"), strata: strings(rows, "stratum"), cluster: strings(rows, "psu") };
    default:
      throw new Error(`unknown dataset ${dataset}`);
  }
}

/** The analysis variable: y1, y2, or an indicator `cat==L`. */
export function variable(rows: Row[], name: string): Float64Array {
  const m = /^cat==(.+)$/.exec(name);
  if (m) return Float64Array.from(rows, (r) => (r.cat === m[1] ? 1 : 0));
  return numbers(rows, name);
}
