import { argumentError } from "../../errors";
import { requireCount } from "./requireCount";

/** The denominators a search looks through: min ≤ n ≤ max. */
export interface DenominatorRange {
  /** Smallest n tried (default 1; a search for one count k starts at k at the lowest). */
  min?: number;
  /** Largest n tried: required, since "0 %" or "50 %" fit infinitely many n. */
  max: number;
}

/** The most denominators one search may try, so a typo like --max 1e9 fails fast instead of hanging. */
const MAX_RANGE_SIZE = 1_000_000;

/**
 * Validates a search range and raises its lower end to `floor` (no n below a count
 * can hold it). Returns an empty range (min > max) when the floor lies above `max`.
 */
export function resolveDenominatorRange(range: DenominatorRange, floor: number): { min: number; max: number } {
  if (range === null || typeof range !== "object") throw argumentError("range", "must be an object { min?, max }", range);
  const { min = 1, max } = range;
  requireCount("min", min, { positive: true });
  requireCount("max", max, { positive: true });
  if (min > max) throw argumentError("min", `must not exceed max (${max})`, min);
  if (max - min + 1 > MAX_RANGE_SIZE) {
    throw argumentError("max", `makes a range of more than ${MAX_RANGE_SIZE} denominators from min ${min}`, max);
  }
  return { min: Math.max(min, floor, 1), max };
}
