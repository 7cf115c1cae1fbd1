import { argumentError } from "../../errors";
import { stageFactors, withSubsamples, type DesignStage } from "./designStages";
import {
  addDesignRows,
  createDesignTally,
  finalizeDesignTally,
  type DesignColumnNames,
  type FinalDesignTally,
  type Id,
  type LonelyPsu,
  type NumericArray,
} from "../../tally/designTally";

/**
 * A survey design given as arrays, one value per row (R `svydesign(ids = ~cluster,
 * strata = ~strata, weights = ~weights, fpc = ~fpc, nest = TRUE)`).
 */
export interface DesignInput {
  /** Sampling weights; default N_h/n_h when only `fpc` is given, else 1 (an SRS). */
  weights?: NumericArray;
  /** Stratum id per row; default one stratum. */
  strata?: readonly Id[];
  /** PSU id per row, nested within strata; default: each row is its own PSU. */
  cluster?: readonly Id[];
  /** Population size (number of PSUs in the population) per row, or one number for the whole design. */
  fpc?: NumericArray | number;
  /**
   * The later stages of a multistage sample, stage 2 first (R `svydesign(ids = ~psu + ssu, fpc =
   * ~fpc1 + fpc2)`): their variance is added when `fpc` is given, as R's default
   * `survey.ultimate.cluster = FALSE`; without an fpc only the PSUs count, as in R.
   */
  stages?: readonly DesignStage[];
  /** Single-PSU strata: "fail" (default, as R), "certainty", "remove", "adjust", "average". */
  lonelyPsu?: LonelyPsu;
  /** Column names for error messages. */
  names?: DesignColumnNames;
  /** Index of the first row in the user's data, for error rows (default 0). */
  rowOffset?: number;
}

/** A 0/1 (or boolean) domain mask: rows outside it keep their PSU but contribute zero. */
export type DomainMask = ArrayLike<boolean | number>;

/**
 * Tallies the analysis columns of an array design and folds it. Without weights but with an
 * fpc, each row gets the weight N_h/n_h (n_h = sampled PSUs of its stratum), as svydesign does.
 *
 * @param input - The design: weights, strata, cluster, fpc, single-PSU strata, names and row offset.
 * @param columns - The analysis columns u_k, one value per row each.
 * @returns The finalised design tally.
 * @throws {@link SurveyError} as `addDesignRows` and `finalizeDesignTally`.
 *
 * @example
 * ```ts
 * import { prepareDesign } from "svyprop";
 *
 * const tally = prepareDesign({ weights: [2, 2, 1, 1], strata: ["a", "a", "b", "b"] }, [[1, 0, 1, 1]]);
 * tally.totals; // → [4]
 * tally.df; // → 2
 * ```
 */
export function prepareDesign(input: DesignInput, columns: readonly NumericArray[]): FinalDesignTally {
  if (columns.length === 0) throw argumentError("columns", "must hold at least one array");
  const n = columns[0]!.length;
  if (n === 0) throw argumentError("y", "must hold at least one row");
  const weights = designWeights(input, n);
  const tally = createDesignTally(columns.length, input.cluster !== undefined);
  const rows: Parameters<typeof addDesignRows>[1] = { columns };
  if (weights !== undefined) rows.weights = weights;
  if (input.strata !== undefined) rows.strata = input.strata;
  if (input.cluster !== undefined) rows.cluster = input.cluster;
  if (input.fpc !== undefined) rows.fpc = input.fpc;
  const options: Parameters<typeof addDesignRows>[2] = { rowOffset: input.rowOffset ?? 0 };
  if (input.names !== undefined) options.names = input.names;
  addDesignRows(tally, rows, options);
  const final = finalizeDesignTally(tally, input.names);
  return hasLaterStages(input) ? withSubsamples(final, input, columns, weights) : final;
}

/**
 * The sampling weights of the design's `n` rows: as given, else from the fpc — N_h/n_h, times
 * N_s/n_s of every later stage of a multistage design (R `weights.survey_fpc`) — or undefined (all 1).
 *
 * @param input - The design.
 * @param n - The number of rows.
 * @returns The weights, or undefined when every weight is 1.
 *
 * @example
 * ```ts
 * import { designWeights } from "svyprop";
 *
 * // 4 rows drawn from 100: each stands for 25.
 * designWeights({ fpc: 100 }, 4); // → [25, 25, 25, 25]
 * designWeights({}, 4); // → undefined
 * ```
 */
export function designWeights(input: DesignInput, n: number): NumericArray | undefined {
  if (input.weights !== undefined) {
    if (hasLaterStages(input)) stageFactors(input, n);
    return input.weights;
  }
  return input.fpc === undefined ? undefined : weightsFromFpc(input, n);
}

/** Whether the design's later stages count: they do with an fpc (R's `multistage`). */
const hasLaterStages = (input: DesignInput): boolean => input.fpc !== undefined && (input.stages?.length ?? 0) > 0;

function weightsFromFpc(input: DesignInput, n: number): Float64Array {
  const fpc = input.fpc!;
  const psus = new Map<string, Set<string>>();
  const key = (i: number): string => (input.strata === undefined ? "" : String(input.strata[i]));
  for (let i = 0; i < n; i++) {
    const s = key(i);
    let set = psus.get(s);
    if (set === undefined) psus.set(s, (set = new Set()));
    set.add(input.cluster === undefined ? String(i) : String(input.cluster[i]));
  }
  const w = hasLaterStages(input) ? stageFactors(input, n) : new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    const N = typeof fpc === "number" ? fpc : fpc[i]!;
    w[i]! *= N / psus.get(key(i))!.size;
  }
  return w;
}

/**
 * The rows an estimate is over, as 0/1: the domain mask (all rows without one), less the rows
 * where any of `ys` is NaN when `naRm` is set (R's `na.rm = TRUE`).
 *
 * @param input - The domain (default: every row) and `naRm`.
 * @param ys - The analysis variables.
 * @param n - The number of rows.
 * @returns 1 for each row in the estimate, else 0.
 *
 * @example
 * ```ts
 * import { analysisMask } from "svyprop";
 *
 * analysisMask({ naRm: true }, [[1, NaN, 3]], 3); // → [1, 0, 1]
 * ```
 */
export function analysisMask(input: { domain?: DomainMask; naRm?: boolean }, ys: readonly NumericArray[], n: number): Float64Array {
  const mask = maskColumn(input.domain, n);
  if (input.naRm) for (const y of ys) for (let i = 0; i < Math.min(n, y.length); i++) if (Number.isNaN(y[i]!)) mask[i] = 0;
  return mask;
}

/**
 * The mask as 0/1 numbers, checked for length.
 *
 * @param domain - The mask, booleans or 0/1 (default: every row).
 * @param n - The number of rows.
 * @returns The mask as 0/1.
 * @throws {@link SurveyError} `E_ARGUMENT` when its length is not n.
 *
 * @example
 * ```ts
 * import { maskColumn } from "svyprop";
 *
 * maskColumn([true, false, 1], 3); // → [1, 0, 1]
 * ```
 */
export function maskColumn(domain: DomainMask | undefined, n: number): Float64Array {
  const out = new Float64Array(n);
  if (domain === undefined) return out.fill(1);
  if (domain.length !== n) throw argumentError("domain", `must have ${n} values`, domain.length);
  for (let i = 0; i < n; i++) out[i] = domain[i] ? 1 : 0;
  return out;
}
