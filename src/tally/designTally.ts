import { SurveyError, argumentError } from "../errors";
import { checkWeight, setStratumFpc } from "../survey/designCellChecks";

/**
 * Mergeable sufficient statistics of a stratified, clustered sample for Taylor linearisation
 * (Wolter 2007, "Introduction to Variance Estimation", ch. 6; Lumley 2010, "Complex Surveys",
 * appendix C.2).
 *
 * Every design-based estimate of svyprop is a smooth function of weighted totals
 * Y_k = Σ_i w_i u_ik of a few analysis columns u_k. Its linearised variance is
 *
 *     V = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_j (z_hj − z̄_h)²,   z_hj = Σ_k c_k T_hjk,
 *
 * where T_hjk = Σ_{i∈PSU hj} w_i u_ik are the PSU totals and c the gradient of the estimate.
 * So per stratum it is enough to keep n_h, S1 = Σ_j T_hj and S2 = Σ_j T_hj T_hjᵀ: then
 * Σ_j (z_hj − z̄_h)² = cᵀ(S2 − S1 S1ᵀ/n_h)c. A PSU may span several chunks, so PSU totals stay
 * open (numbered by PSU id, packed in one array per stratum) until `finalizeDesignTally`; without
 * clusters every row is its own PSU and is folded at once, so memory is bounded by strata ×
 * columns², not by rows.
 */
export interface DesignTally {
  /** Number of analysis columns u_k. */
  readonly columns: number;
  /** True when PSUs are clusters of rows (then PSU totals are kept open until finalised). */
  readonly clustered: boolean;
  /** Each stratum's sums, by stratum id (one stratum "" when the design has none). */
  readonly strata: Map<string, StratumTally>;
  /** Rows over the whole sample. */
  rows: number;
  /** Σw over the whole sample. */
  sumW: number;
  /** Σw² over the whole sample. */
  sumW2: number;
  /** Per column: Σ w u_k². */
  readonly sumWU2: Float64Array;
  /** Per column: Σ w² u_k². */
  readonly sumW2U2: Float64Array;
  /** Per column: the number of rows with u_k ≠ 0. */
  readonly rowsNonzero: Float64Array;
}

/** One stratum's sums in a `DesignTally`: folded PSUs, and (clustered) the PSUs still open. */
export interface StratumTally {
  /** The stratum's id. */
  readonly key: string;
  /** 0-based index (over everything tallied) of the first row seen in this stratum. */
  firstRow: number;
  /** Population size N_h (number of PSUs in the stratum's population), when there is an fpc. */
  fpc: number | undefined;
  /** Rows seen in the stratum. */
  rows: number;
  /** Folded PSUs: their count. */
  nPsu: number;
  /** Folded PSUs: S1 = Σ_j T_hj, one total per column (k). */
  readonly s1: Float64Array;
  /** Folded PSUs: S2 = Σ_j T_hj T_hjᵀ, k×k row-major (upper triangle until finalised). */
  readonly s2: Float64Array;
  /** Folded PSUs: per column, the PSUs with a nonzero row in it. */
  readonly psuNonzero: Float64Array;
  /** Open PSUs (clustered designs): id → PSU number, in order of appearance. */
  readonly open: Map<string, number>;
  /** PSU p's [T_1..T_k, rows with u_k ≠ 0 (k values)] at [2k·p, 2k·p + 2k) (room for more PSUs after them). */
  psuTotals: Float64Array;
}

/** A stratum or PSU id as a design column holds it. */
export type Id = string | number;
/** A column of numbers: a typed array or an array. */
export type NumericArray = Float64Array | readonly number[];

/** One chunk of rows: analysis columns plus the design columns. */
export interface DesignRows {
  /** Analysis columns u_k, each one value per row. */
  columns: readonly NumericArray[];
  /** Sampling weights (default 1, or N_h/n_h when only an fpc is given). */
  weights?: NumericArray;
  /** Stratum id per row (default: one stratum). */
  strata?: readonly Id[];
  /** PSU id per row, nested within strata (default: every row is its own PSU). */
  cluster?: readonly Id[];
  /** Population size per row (constant within a stratum) or one number for an unstratified design. */
  fpc?: NumericArray | number;
}

/** Column names used in error messages. */
export interface DesignColumnNames {
  /** The weights column's name (default "weights"). */
  weights?: string;
  /** The strata column's name (default "strata"). */
  strata?: string;
  /** The cluster column's name (default "cluster"). */
  cluster?: string;
  /** The population-size column's name (default "fpc"). */
  fpc?: string;
  /** The analysis columns' names, in order (default "columns[k]"). */
  columns?: readonly string[];
  /** The cluster and fpc columns of the later stages of a multistage design, stage 2 first. */
  stages?: ReadonlyArray<{
    /** The column of the stage's units. */
    cluster?: string;
    /** The column of the stage's population counts. */
    fpc?: string;
  }>;
}

/** Options of `addDesignRows`. */
export interface AddRowsOptions {
  /** Index of this chunk's first row in the whole data (for error rows); default 0. */
  rowOffset?: number;
  /** Column names for error messages. */
  names?: DesignColumnNames;
}

/**
 * An empty design tally of `columns` analysis columns, to fill with `addDesignRows` (chunk by
 * chunk, or in parallel and joined with `mergeDesignTallies`) and close with `finalizeDesignTally`.
 *
 * @param columns - The number of analysis columns u_k, a positive integer.
 * @param clustered - Whether rows come in clusters (PSUs) that must be summed before squaring.
 * @returns The empty tally.
 * @throws {@link SurveyError} `E_ARGUMENT` when `columns` is not a positive integer.
 *
 * @example
 * ```ts
 * import { addDesignRows, createDesignTally, finalizeDesignTally } from "svyprop";
 *
 * const tally = createDesignTally(1, false);
 * addDesignRows(tally, { columns: [[1, 0, 1, 1]], weights: [2, 2, 1, 1] });
 * const final = finalizeDesignTally(tally);
 * final.totals; // → [4]
 * final.df; // → 3
 * ```
 */
export function createDesignTally(columns: number, clustered: boolean): DesignTally {
  if (!Number.isSafeInteger(columns) || columns < 1) throw argumentError("columns", "must be a positive integer", columns);
  return {
    columns,
    clustered,
    strata: new Map(),
    rows: 0,
    sumW: 0,
    sumW2: 0,
    sumWU2: new Float64Array(columns),
    sumW2U2: new Float64Array(columns),
    rowsNonzero: new Float64Array(columns),
  };
}

/**
 * An empty stratum of a tally of `k` columns, first seen at 0-based row `firstRow`.
 *
 * @param key - The stratum's id.
 * @param k - The number of analysis columns.
 * @param firstRow - The 0-based index of its first row.
 * @param fpc - Its population size, if any.
 * @returns The empty stratum.
 *
 * @example
 * ```ts
 * import { createStratumTally } from "svyprop";
 *
 * const stratum = createStratumTally("a", 2, 0, 100);
 * stratum.s1; // → [0, 0]
 * stratum.fpc; // → 100
 * ```
 */
export function createStratumTally(key: string, k: number, firstRow: number, fpc: number | undefined): StratumTally {
  return {
    key,
    firstRow,
    fpc,
    rows: 0,
    nPsu: 0,
    s1: new Float64Array(k),
    s2: new Float64Array(k * k),
    psuNonzero: new Float64Array(k),
    open: new Map(),
    psuTotals: new Float64Array(0),
  };
}

/**
 * The offset in `stratum.psuTotals` of the open PSU `key` (of a tally of `k` columns), opening
 * it — and making room for it — when new.
 *
 * @param stratum - The stratum.
 * @param key - The PSU's id.
 * @param k - The number of analysis columns.
 * @returns The offset of the PSU's 2k totals in `stratum.psuTotals`.
 *
 * @example
 * ```ts
 * import { createStratumTally, openPsu } from "svyprop";
 *
 * const stratum = createStratumTally("a", 1, 0, undefined);
 * [openPsu(stratum, "p1", 1), openPsu(stratum, "p2", 1), openPsu(stratum, "p1", 1)]; // → [0, 2, 0]
 * ```
 */
export function openPsu(stratum: StratumTally, key: string, k: number): number {
  let p = stratum.open.get(key);
  if (p === undefined) {
    p = stratum.open.size;
    stratum.open.set(key, p);
    if (stratum.psuTotals.length < 2 * k * (p + 1)) {
      const grown = new Float64Array(Math.max(2 * k * (p + 1), 2 * stratum.psuTotals.length, 16 * k));
      grown.set(stratum.psuTotals);
      stratum.psuTotals = grown;
    }
  }
  return 2 * k * p;
}

/** Spreadsheet row of a 0-based data index (the header is row 1). */
export const spreadsheetRow = (index: number): number => index + 2;



/**
 * Adds a chunk of rows to `tally` (in place) and returns it. Throws `E_BAD_WEIGHT` for a
 * negative, missing or non-finite weight, `E_ARGUMENT` for a non-finite analysis value or
 * mismatched lengths, `E_FPC` for an fpc that is not a positive number or varies within a stratum.
 *
 * @param tally - The tally, changed in place.
 * @param rows - The chunk: analysis columns, weights, strata, cluster and fpc.
 * @param options - The chunk's first row in the whole data, and column names for errors.
 * @returns The tally.
 * @throws {@link SurveyError} as described.
 *
 * @example
 * ```ts
 * import { addDesignRows, createDesignTally } from "svyprop";
 *
 * const tally = createDesignTally(1, false);
 * addDesignRows(tally, { columns: [[1, 0]], weights: [2, 3] });
 * addDesignRows(tally, { columns: [[1]], weights: [1] }, { rowOffset: 2 });
 * [tally.rows, tally.sumW]; // → [3, 6]
 * ```
 */
export function addDesignRows(tally: DesignTally, rows: DesignRows, options: AddRowsOptions = {}): DesignTally {
  const k = tally.columns;
  const { columns, weights, strata, cluster, fpc } = rows;
  const offset = options.rowOffset ?? 0;
  const names = options.names ?? {};
  if (columns.length !== k) throw argumentError("columns", `must hold ${k} arrays`, columns.length);
  const n = columns[0]!.length;
  for (let c = 0; c < k; c++) {
    if (columns[c]!.length !== n) throw argumentError(names.columns?.[c] ?? `columns[${c}]`, `must have ${n} values`, columns[c]!.length);
  }
  if (weights !== undefined && weights.length !== n) throw argumentError(names.weights ?? "weights", `must have ${n} values`, weights.length);
  if (strata !== undefined && strata.length !== n) throw argumentError(names.strata ?? "strata", `must have ${n} values`, strata.length);
  if (cluster !== undefined && cluster.length !== n) throw argumentError(names.cluster ?? "cluster", `must have ${n} values`, cluster.length);
  if (typeof fpc !== "number" && fpc !== undefined && fpc.length !== n) throw argumentError(names.fpc ?? "fpc", `must have ${n} values`, fpc.length);
  if ((cluster !== undefined) !== tally.clustered) {
    throw argumentError("cluster", tally.clustered ? "is required: this tally is of a clustered design" : "must not be given: this tally has no clusters");
  }

  let lastKey: Id | undefined;
  let stratum: StratumTally | undefined;
  // Rows of one PSU usually come together: reuse its vector while stratum and PSU id repeat.
  let lastPsuKey: Id | undefined;
  let lastPsu: number | undefined;
  const values = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const index = offset + i;
    const w = weights === undefined ? 1 : weights[i]!;
    checkWeight(w, spreadsheetRow(index), names.weights);
    const sKey: Id = strata === undefined ? "" : strata[i]!;
    if (stratum === undefined || sKey !== lastKey) {
      lastPsu = undefined;
      if (sKey === undefined || sKey === null || (typeof sKey === "number" && !Number.isFinite(sKey))) {
        throw new SurveyError("E_ARGUMENT", "stratum id is missing", { row: spreadsheetRow(index), column: names.strata ?? "strata" });
      }
      const key = String(sKey);
      stratum = tally.strata.get(key);
      if (stratum === undefined) {
        stratum = createStratumTally(key, k, index, undefined);
        tally.strata.set(key, stratum);
      }
      lastKey = sKey;
    }
    if (fpc !== undefined) setStratumFpc(stratum, typeof fpc === "number" ? fpc : fpc[i]!, spreadsheetRow(index), names.fpc);
    for (let c = 0; c < k; c++) {
      const u = columns[c]![i]!;
      if (!Number.isFinite(u)) {
        const hint = Number.isNaN(u) ? " (a missing value: naRm: true leaves such rows out, as R's na.rm = TRUE)" : "";
        throw new SurveyError("E_ARGUMENT", `analysis value must be a finite number${hint}`, {
          row: spreadsheetRow(index),
          column: names.columns?.[c] ?? `columns[${c}]`,
          value: String(u),
        });
      }
      values[c] = u;
      const wu2 = w * u * u;
      tally.sumWU2[c]! += wu2;
      tally.sumW2U2[c]! += w * wu2;
      if (u !== 0) tally.rowsNonzero[c]! += 1;
    }
    tally.rows += 1;
    tally.sumW += w;
    tally.sumW2 += w * w;
    stratum.rows += 1;
    if (index < stratum.firstRow) stratum.firstRow = index;

    if (cluster === undefined) {
      // Every row is a PSU: fold T = w·u at once.
      stratum.nPsu += 1;
      const s1 = stratum.s1;
      const s2 = stratum.s2;
      for (let a = 0; a < k; a++) {
        const ta = w * values[a]!;
        s1[a]! += ta;
        if (values[a] !== 0) stratum.psuNonzero[a]! += 1;
        if (ta === 0) continue;
        const rowBase = a * k;
        for (let b = a; b < k; b++) s2[rowBase + b]! += ta * w * values[b]!;
      }
    } else {
      const pKey = cluster[i]!;
      if (pKey === undefined || pKey === null || (typeof pKey === "number" && !Number.isFinite(pKey))) {
        throw new SurveyError("E_ARGUMENT", "cluster (PSU) id is missing", { row: spreadsheetRow(index), column: names.cluster ?? "cluster" });
      }
      let at = lastPsu !== undefined && pKey === lastPsuKey ? lastPsu : undefined;
      if (at === undefined) {
        at = openPsu(stratum, String(pKey), k);
        lastPsu = at;
        lastPsuKey = pKey;
      }
      const psu = stratum.psuTotals;
      for (let c = 0; c < k; c++) {
        const u = values[c]!;
        psu[at + c]! += w * u;
        if (u !== 0) psu[at + k + c]! += 1;
      }
    }
  }
  return tally;
}

/**
 * Merges tallies of disjoint sets of rows (chunks, workers, an external GROUP BY) into a new
 * tally; a PSU present in both is one PSU. Throws `E_FPC` when the two disagree on a stratum's fpc.
 *
 * @param a - A tally.
 * @param b - A tally with the same columns and clustering.
 * @returns A new tally holding both.
 * @throws {@link SurveyError} `E_ARGUMENT` when they differ in columns or clustering.
 *
 * @example
 * ```ts
 * import { addDesignRows, createDesignTally, finalizeDesignTally, mergeDesignTallies } from "svyprop";
 *
 * // Two chunks of one file; PSU "p3" spans both.
 * const first = addDesignRows(createDesignTally(1, true), { columns: [[1, 0, 1, 1]], weights: [2, 2, 1, 1], cluster: ["p1", "p1", "p2", "p3"] });
 * const second = addDesignRows(createDesignTally(1, true), { columns: [[1, 0]], weights: [1, 1], cluster: ["p3", "p4"] }, { rowOffset: 4 });
 * const final = finalizeDesignTally(mergeDesignTallies(first, second));
 * [final.totals[0], final.nPsu, final.df]; // → [5, 4, 3]
 * ```
 */
export function mergeDesignTallies(a: DesignTally, b: DesignTally): DesignTally {
  if (a.columns !== b.columns || a.clustered !== b.clustered) {
    throw argumentError("tallies", "must have the same columns and clustering to be merged");
  }
  const k = a.columns;
  const out = createDesignTally(k, a.clustered);
  for (const source of [a, b]) {
    out.rows += source.rows;
    out.sumW += source.sumW;
    out.sumW2 += source.sumW2;
    for (let c = 0; c < k; c++) {
      out.sumWU2[c]! += source.sumWU2[c]!;
      out.sumW2U2[c]! += source.sumW2U2[c]!;
      out.rowsNonzero[c]! += source.rowsNonzero[c]!;
    }
    for (const [key, s] of source.strata) {
      let t = out.strata.get(key);
      if (t === undefined) {
        t = createStratumTally(key, k, s.firstRow, s.fpc);
        out.strata.set(key, t);
      } else if (s.fpc !== undefined && t.fpc !== undefined && s.fpc !== t.fpc) {
        throw new SurveyError("E_FPC", `the population size (fpc) of stratum "${key}" differs between tallies (${t.fpc} and ${s.fpc})`);
      }
      t.fpc ??= s.fpc;
      t.firstRow = Math.min(t.firstRow, s.firstRow);
      t.rows += s.rows;
      t.nPsu += s.nPsu;
      for (let c = 0; c < k; c++) {
        t.s1[c]! += s.s1[c]!;
        t.psuNonzero[c]! += s.psuNonzero[c]!;
      }
      for (let c = 0; c < k * k; c++) t.s2[c]! += s.s2[c]!;
      for (const [pKey, p] of s.open) {
        const from = 2 * k * p;
        const isNew = !t.open.has(pKey);
        const at = openPsu(t, pKey, k);
        if (isNew) t.psuTotals.set(s.psuTotals.subarray(from, from + 2 * k), at);
        else for (let c = 0; c < 2 * k; c++) t.psuTotals[at + c]! += s.psuTotals[from + c]!;
      }
    }
  }
  return out;
}

/** How a stratum with a single PSU is handled (R `options(survey.lonely.psu = …)`). */
export const LONELY_PSU_OPTIONS = ["fail", "certainty", "remove", "adjust", "average"] as const;
/** One of `LONELY_PSU_OPTIONS`. */
export type LonelyPsu = (typeof LONELY_PSU_OPTIONS)[number];

/** Per-stratum moments with every PSU folded in, ready for variance computations. */
export interface FinalStratum {
  /** The stratum's id. */
  key: string;
  /** 0-based index of its first row. */
  firstRow: number;
  /** Its number of PSUs n_h. */
  nPsu: number;
  /** Its rows. */
  rows: number;
  /** Its population size N_h, when there is an fpc. */
  fpc: number | undefined;
  /** S1 = Σ_j T_j, one total per column. */
  s1: Float64Array;
  /** Full symmetric k×k matrix Σ_j T_j T_jᵀ. */
  s2: Float64Array;
  /** Per column, the PSUs with a nonzero row in it. */
  psuNonzero: Float64Array;
}

/** A design tally with every PSU folded in and the design checked: what the variance formulas read. */
export interface FinalDesignTally {
  /** Number of analysis columns k. */
  columns: number;
  /** Rows over the whole sample. */
  rows: number;
  /** Σw. */
  sumW: number;
  /** Σw². */
  sumW2: number;
  /** Per column: Σ w u_k². */
  sumWU2: Float64Array;
  /** Per column: Σ w² u_k². */
  sumW2U2: Float64Array;
  /** Per column: the rows with u_k ≠ 0. */
  rowsNonzero: Float64Array;
  /** Weighted totals Y_k = Σ_i w_i u_ik. */
  totals: Float64Array;
  /** The strata, in order of first appearance. */
  strata: FinalStratum[];
  /** Total number of PSUs. */
  nPsu: number;
  /** Design degrees of freedom: #PSUs − #strata (R `degf`). */
  df: number;
  /** The stage these units are sampled at (1 = PSUs, 2 = units within a PSU …); absent means 1. */
  stage?: number;
  /** Multistage designs: each sampled unit's own design of the next stage (see `prepareDesign`). */
  subsamples?: Subsample[];
}

/**
 * The next stage of sampling within one unit of a multistage design: its design (the unit is its
 * one stratum) and the fraction n_h/N_h of the stage the unit was drawn at, which multiplies its
 * variance (R survey `multistage`).
 */
export interface Subsample {
  /** n_h/N_h of the stage the unit was drawn at: the share of its stratum's units sampled. */
  fraction: number;
  /** The unit's design of the next stage, folded (the unit is its one stratum). */
  design: FinalDesignTally;
  /** The column names of that design, for errors that name a column. */
  names: DesignColumnNames;
}

/**
 * Folds the open PSUs of a tally (without changing it) and checks the design: `E_BAD_WEIGHT`
 * when every weight is zero or their sums overflow, `E_FPC` when a stratum's population size is
 * smaller than its number of sampled PSUs.
 *
 * @param tally - The tally (unchanged).
 * @param names - Column names for errors.
 * @returns The finalised tally: strata with every PSU folded, totals, PSU count and df.
 * @throws {@link SurveyError} `E_BAD_WEIGHT` or `E_FPC` as described.
 *
 * @example
 * ```ts
 * import { addDesignRows, createDesignTally, finalizeDesignTally } from "svyprop";
 *
 * const tally = addDesignRows(createDesignTally(1, true), { columns: [[1, 0, 1]], weights: [1, 1, 2], cluster: ["p1", "p1", "p2"] });
 * finalizeDesignTally(tally); // → { totals: [3], nPsu: 2, df: 1 }
 * ```
 */
export function finalizeDesignTally(tally: DesignTally, names: DesignColumnNames = {}): FinalDesignTally {
  const k = tally.columns;
  // Bad input, not bad usage: every weight zero, or weights so large their sums overflow (1e308).
  if (tally.rows > 0 && tally.sumW === 0) {
    throw new SurveyError("E_BAD_WEIGHT", "every weight is zero: nothing can be estimated", { column: names.weights ?? "weights" });
  }
  if (!Number.isFinite(tally.sumW) || !Number.isFinite(tally.sumW2)) {
    throw new SurveyError("E_BAD_WEIGHT", "the weights are too large: their sum or sum of squares exceeds the largest number (about 1.8e308)", {
      column: names.weights ?? "weights",
    });
  }
  const strata: FinalStratum[] = [];
  const totals = new Float64Array(k);
  let nPsu = 0;
  for (const s of tally.strata.values()) {
    const s1 = Float64Array.from(s.s1);
    const s2 = Float64Array.from(s.s2);
    const psuNonzero = Float64Array.from(s.psuNonzero);
    let count = s.nPsu;
    const psu = s.psuTotals;
    for (const p of s.open.values()) {
      count += 1;
      const at = 2 * k * p;
      for (let a = 0; a < k; a++) {
        const ta = psu[at + a]!;
        s1[a]! += ta;
        if (psu[at + k + a]! > 0) psuNonzero[a]! += 1;
        if (ta === 0) continue;
        for (let b = a; b < k; b++) s2[a * k + b]! += ta * psu[at + b]!;
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) s2[a * k + b] = s2[b * k + a]!;
    if (s.fpc !== undefined && s.fpc < count) {
      throw new SurveyError(
        "E_FPC",
        `the population size (fpc) ${s.fpc} of stratum "${s.key}" is smaller than its ${count} sampled ${tally.clustered ? "PSUs" : "units"}`,
        { row: spreadsheetRow(s.firstRow), column: names.fpc ?? "fpc", value: String(s.fpc) },
      );
    }
    for (let a = 0; a < k; a++) totals[a]! += s1[a]!;
    nPsu += count;
    strata.push({ key: s.key, firstRow: s.firstRow, nPsu: count, rows: s.rows, fpc: s.fpc, s1, s2, psuNonzero });
  }
  return {
    columns: k,
    rows: tally.rows,
    sumW: tally.sumW,
    sumW2: tally.sumW2,
    sumWU2: Float64Array.from(tally.sumWU2),
    sumW2U2: Float64Array.from(tally.sumW2U2),
    rowsNonzero: Float64Array.from(tally.rowsNonzero),
    totals,
    strata,
    nPsu,
    df: nPsu - strata.length,
  };
}
