import { SurveyError } from "../errors";

/**
 * Throws `E_BAD_WEIGHT` (at spreadsheet row `row`) unless `w` is a finite, non-negative weight.
 *
 * @param w - The weight.
 * @param row - Its spreadsheet row.
 * @param column - Its column's name (default "weights").
 * @returns Nothing, when the weight is valid.
 * @throws {@link SurveyError} `E_BAD_WEIGHT` naming the row, column and value.
 *
 * @example
 * ```ts
 * import { checkWeight, SurveyError } from "svyprop";
 *
 * let message = "";
 * try {
 *   checkWeight(-1, 3);
 * } catch (error) {
 *   if (error instanceof SurveyError) message = error.message;
 * }
 * message; // → "E_BAD_WEIGHT: weights must be finite and non-negative (row 3, column \"weights\", value \"-1\")"
 * ```
 */
export function checkWeight(w: number, row: number, column = "weights"): void {
  if (!(w >= 0) || !Number.isFinite(w)) {
    throw new SurveyError("E_BAD_WEIGHT", "weights must be finite and non-negative", { row, column, value: String(w) });
  }
}

/**
 * Records a row's population size `N` as its stratum's fpc. Throws `E_FPC` (at spreadsheet row
 * `row`, when known) when `N` is not a positive number or differs from the stratum's earlier rows.
 *
 * @param stratum - The stratum (its key, and its fpc so far).
 * @param N - The row's population size.
 * @param row - The row's spreadsheet row (undefined for sums from an SQL engine, which has no rows).
 * @param column - The fpc column's name (default "fpc").
 * @returns Nothing: the stratum's fpc is set.
 * @throws {@link SurveyError} `E_FPC` naming the row, column and value.
 *
 * @example
 * ```ts
 * import { setStratumFpc } from "svyprop";
 *
 * const stratum = { key: "a", fpc: undefined as number | undefined };
 * setStratumFpc(stratum, 100, 2);
 * stratum.fpc; // → 100
 * ```
 */
export function setStratumFpc(stratum: { readonly key: string; fpc: number | undefined }, N: number, row: number | undefined, column = "fpc"): void {
  const where = { ...(row === undefined ? {} : { row }), column, value: String(N) };
  if (!(N > 0) || !Number.isFinite(N)) throw new SurveyError("E_FPC", "the population size (fpc) must be a positive number", where);
  if (stratum.fpc === undefined) stratum.fpc = N;
  else if (stratum.fpc !== N) {
    throw new SurveyError("E_FPC", `the population size (fpc) varies within stratum "${stratum.key}" (${stratum.fpc} before)`, where);
  }
}
