import { argumentError } from "../../errors";
import { roundRatio, type RoundingRule } from "../roundRatio";
import { parsePrintedFigure } from "./printedFigure";

/** A rounding rule of `roundRatio`, or "either": any of half-up, half-even and truncation. */
export type ConsistencyRounding = RoundingRule | "either";

/** Every accepted `rounding` option, for validating user input. */
export const CONSISTENCY_ROUNDINGS: readonly ConsistencyRounding[] = ["half-up", "half-even", "truncate", "either"];

/** How a printed figure is assumed to have been produced from k/n. */
export interface ConsistencyOptions {
  /** Digits after the decimal point; default: as many as the printed text shows ("65.8" → 1). */
  decimals?: number;
  /** Default "half-up", the rule journals print with; "either" accepts any of the three rules. */
  rounding?: ConsistencyRounding;
  /** 100 for a percentage (default), 1 for a proportion printed as "0.73". */
  scale?: number;
}

/** A printed figure resolved against the options: what `printsAs` compares k/n with. */
export interface ConsistencyTarget {
  units: bigint;
  decimals: number;
  scale: number;
  rules: readonly RoundingRule[];
}

const ALL_RULES: readonly RoundingRule[] = ["half-up", "half-even", "truncate"];

/**
 * Parses the printed text once and fixes the precision, scale and rounding rules, so that loops
 * over many k or n do not re-read it. Throws `E_ARGUMENT` for bad options, or naming
 * `argumentName` for unreadable text.
 */
export function consistencyTarget(
  printed: string,
  options: ConsistencyOptions = {},
  argumentName = "printed",
): ConsistencyTarget {
  const figure = parsePrintedFigure(printed, argumentName);
  const { decimals = figure.decimals, rounding = "half-up", scale = 100 } = options;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw argumentError("decimals", "must be an integer from 0 to 15", decimals);
  }
  if (decimals < figure.decimals) {
    throw argumentError("decimals", `is fewer than the ${figure.decimals} printed in ${JSON.stringify(printed)}`, decimals);
  }
  if (!Number.isSafeInteger(scale) || scale <= 0) throw argumentError("scale", "must be a positive integer", scale);
  const rules = rounding === "either" ? ALL_RULES : ALL_RULES.filter((rule) => rule === rounding);
  if (rules.length === 0) {
    throw argumentError("rounding", `must be one of ${CONSISTENCY_ROUNDINGS.join(", ")}`, rounding);
  }
  const units = figure.units * 10n ** BigInt(decimals - figure.decimals);
  return { units, decimals, scale, rules };
}

/** True when k/n × scale, rounded by one of the target's rules, gives exactly the target's digits. */
export function printsAs(k: number, n: number, target: ConsistencyTarget): boolean {
  return target.rules.some((rounding) => printedUnits(k, n, target, rounding) === target.units);
}

/** k/n × scale rounded by one rule to the target's decimals, as printed digits: 19/40 → 48n. */
export function printedUnits(k: number, n: number, { decimals, scale }: ConsistencyTarget, rounding: RoundingRule): bigint {
  return parsePrintedFigure(roundRatio(k, n, { decimals, scale, rounding })).units;
}
