import { argumentError } from "../../errors";
import { roundRatio } from "../roundRatio";
import { type ConsistencyRounding, type ConsistencyTarget, consistencyTarget, printsAs } from "./consistencyTarget";
import { resolveDenominatorRange } from "./denominatorRange";
import { denominatorRunsOf } from "./denominatorsFor";
import { type IntegerRun, expandRuns, runsSize } from "./integerRuns";
import { numeratorRunOf } from "./numeratorsFor";
import { requireCount } from "./requireCount";

/** A figure as a source printed it: "147 (73 %) had a Facebook profile" → count 147, base 202, printed "73". */
export interface PrintedFigureRecord {
  /** What the figure is, in words. */
  label: string;
  /** The percentage as printed: "73", "73 %", "65,8". */
  printed: string;
  /** The count printed beside it, if any. */
  count?: number;
  /** The base (denominator) printed or known, if any. */
  base?: number;
  /** Shared by the categories of one single-choice question, whose counts should sum to the base (see `checkFigureGroups`). */
  group?: string;
}

/**
 * - `reproduced`: count/base prints as the figure.
 * - `possible`: a part is unknown, and some value in range fills it (see `denominators`/`numerators`).
 * - `impossible`: no n in range (or no count over the printed base) gives the figure.
 * - `count-mismatch`: count and base are both printed, and count/base does not print as the figure.
 */
export type FigureVerdictKind = "reproduced" | "possible" | "impossible" | "count-mismatch";

/** The verdict on one figure; the figure's own fields are repeated so a verdict stands alone. */
export interface FigureVerdict extends PrintedFigureRecord {
  /** Whether the figure could be printed from its count and base. */
  verdict: FigureVerdictKind;
  /** count/base printed with the figure's decimals (first rounding rule), when both are known: "77" for 36/47. */
  computed?: string;
  /** Denominators in range over which the figure prints as published (with its count, when printed), as runs of consecutive n; set whenever the base is unknown or mismatched. */
  denominatorRuns?: IntegerRun[];
  /** The same denominators one by one, when there are at most `MAX_LISTED_VALUES` of them (a base of 10¹⁵ fits trillions). */
  denominators?: number[];
  /** Counts out of the printed base that print as the figure, as runs (one at most); set when the base is printed without a count. */
  numeratorRuns?: IntegerRun[];
  /** The same counts one by one, when there are at most `MAX_LISTED_VALUES` of them. */
  numerators?: number[];
}

/** Sets of denominators or counts larger than this are given only as runs in a verdict. */
export const MAX_LISTED_VALUES = 1000;

function listed(runs: readonly IntegerRun[]): number[] | undefined {
  return runsSize(runs) <= MAX_LISTED_VALUES ? expandRuns(runs) : undefined;
}

/** The runs of a set, with the set listed when it is small. */
function denominatorFields(denominatorRuns: IntegerRun[]): Pick<FigureVerdict, "denominatorRuns" | "denominators"> {
  const denominators = listed(denominatorRuns);
  return { denominatorRuns, ...(denominators === undefined ? {} : { denominators }) };
}

/** Options of `checkFigures`: the denominator range searched and the rounding rule. */
export interface CheckFiguresOptions {
  /** Smallest denominator searched for figures without a base (default 1). */
  min?: number;
  /** Largest denominator searched (default 1000). */
  max?: number;
  /** Default "half-up"; "either" accepts half-up, half-even or truncation. */
  rounding?: ConsistencyRounding;
}

/** Default upper end of the denominator search in `checkFigures` and `svyprop check`. */
export const DEFAULT_MAX_DENOMINATOR = 1000;

/**
 * Checks each printed figure against its count and base (GRIM, Brown & Heathers 2017, Soc Psychol
 * Personal Sci 8:363–369), and where one is unknown or wrong, searches which denominators (or
 * counts) would produce it. Moubarak's "138 (99 %)" gives `possible` with denominators [139, 140];
 * Chretien's "36/47 (78 %)" gives `count-mismatch` with computed "77" and denominators [46].
 * Throws `E_ARGUMENT` for a figure that is not well formed (its index is named).
 *
 * @param figures - The printed figures: label, printed percentage, and count and base where printed.
 * @param options - The denominators searched (`min`, default 1; `max`, default 1000) and the rounding rule.
 * @returns One verdict per figure, in order, with the figure's own fields.
 * @throws {@link SurveyError} `E_ARGUMENT` for a figure that is not well formed.
 *
 * @example
 * ```ts
 * import { checkFigures } from "svyprop";
 *
 * checkFigures([
 *   { label: "Real name", printed: "99", count: 138 },
 *   { label: "Would accept", printed: "78", count: 36, base: 47 },
 * ]);
 * // → [{ verdict: "possible", denominators: [139, 140] },
 * //    { verdict: "count-mismatch", computed: "77", denominators: [46] }]
 * ```
 */
export function checkFigures(figures: readonly PrintedFigureRecord[], options: CheckFiguresOptions = {}): FigureVerdict[] {
  if (!Array.isArray(figures)) throw argumentError("figures", "must be an array of { label, printed, count?, base? }", figures);
  const { min = 1, max = DEFAULT_MAX_DENOMINATOR, rounding } = options;
  const range = resolveDenominatorRange({ min, max }, 1);
  return figures.map((figure, index) => {
    const name = `figures[${index}]`;
    if (typeof figure?.label !== "string") throw argumentError(`${name}.label`, "must be a string", figure?.label);
    if (figure.count !== undefined) requireCount(`${name}.count`, figure.count);
    if (figure.base !== undefined) requireCount(`${name}.base`, figure.base, { positive: true });
    if (figure.group !== undefined && typeof figure.group !== "string") throw argumentError(`${name}.group`, "must be a string", figure.group);
    if (figure.count !== undefined && figure.base !== undefined && figure.count > figure.base) {
      throw argumentError(`${name}.count`, `must not exceed its base (${figure.base})`, figure.count);
    }
    const target = consistencyTarget(figure.printed, rounding === undefined ? {} : { rounding }, `${name}.printed`);
    return judge(ownFields(figure), target, range);
  });
}

/**
 * A record of only a figure's own fields, the absent ones left out, so that extra properties of
 * the input never leak into a verdict (also used by `readPrintedFigures`).
 *
 * @param figure - A figure record, possibly with extra properties or undefined fields.
 * @returns The record with only label, printed, count, base and group, those that are set.
 *
 * @example
 * ```ts
 * import { ownFields } from "svyprop";
 *
 * const row = { label: "Real name", printed: "99", count: 138, base: undefined, group: undefined, page: 3 };
 * ownFields(row); // → { label: "Real name", printed: "99", count: 138 }
 * Object.keys(ownFields(row)); // → ["label", "printed", "count"]
 * ```
 */
export function ownFields({ label, printed, count, base, group }: { [K in keyof PrintedFigureRecord]: PrintedFigureRecord[K] | undefined } & Pick<PrintedFigureRecord, "label" | "printed">): PrintedFigureRecord {
  return {
    label,
    printed,
    ...(count === undefined ? {} : { count }),
    ...(base === undefined ? {} : { base }),
    ...(group === undefined ? {} : { group }),
  };
}

function judge(figure: PrintedFigureRecord, target: ConsistencyTarget, range: { min: number; max: number }): FigureVerdict {
  const { count, base } = figure;
  if (count !== undefined && base !== undefined) {
    const computed = roundRatio(count, base, { decimals: target.decimals, scale: target.scale, rounding: target.rules[0] });
    if (printsAs(count, base, target)) return { ...figure, verdict: "reproduced", computed };
    return { ...figure, verdict: "count-mismatch", computed, ...denominatorFields(denominatorRunsOf(target, range, count)) };
  }
  if (base !== undefined) {
    const run = numeratorRunOf(target, base);
    const numeratorRuns = run === undefined ? [] : [run];
    const numerators = listed(numeratorRuns);
    return { ...figure, verdict: run !== undefined ? "possible" : "impossible", numeratorRuns, ...(numerators === undefined ? {} : { numerators }) };
  }
  const denominatorRuns = denominatorRunsOf(target, range, count);
  return { ...figure, verdict: denominatorRuns.length > 0 ? "possible" : "impossible", ...denominatorFields(denominatorRuns) };
}
