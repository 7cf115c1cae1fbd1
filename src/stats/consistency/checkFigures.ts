import { argumentError } from "../../errors";
import { roundRatio } from "../roundRatio";
import { type ConsistencyRounding, type ConsistencyTarget, consistencyTarget, printsAs } from "./consistencyTarget";
import { resolveDenominatorRange } from "./denominatorRange";
import { denominatorsOf } from "./denominatorsFor";
import { numeratorsOf } from "./numeratorsFor";
import { requireCount } from "./requireCount";

/** A figure as a source printed it: "147 (73 %) had a Facebook profile" → count 147, base 202, printed "73". */
export interface PrintedFigureRecord {
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
  verdict: FigureVerdictKind;
  /** count/base printed with the figure's decimals (first rounding rule), when both are known: "77" for 36/47. */
  computed?: string;
  /** Denominators in range over which the figure prints as published (with its count, when printed); set whenever the base is unknown or mismatched. */
  denominators?: number[];
  /** Counts out of the printed base that print as the figure; set when the base is printed without a count. */
  numerators?: number[];
}

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

/** Only the record's own fields, so that extra properties of the input never leak into a verdict. */
function ownFields({ label, printed, count, base, group }: PrintedFigureRecord): PrintedFigureRecord {
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
    return { ...figure, verdict: "count-mismatch", computed, denominators: denominatorsOf(target, range, count) };
  }
  if (base !== undefined) {
    const numerators = numeratorsOf(target, base);
    return { ...figure, verdict: numerators.length > 0 ? "possible" : "impossible", numerators };
  }
  const denominators = denominatorsOf(target, range, count);
  return { ...figure, verdict: denominators.length > 0 ? "possible" : "impossible", denominators };
}
