import { argumentError } from "../errors";
import { twoSidedZ } from "./quantiles";

/** Argument checks shared by the stats functions; each throws `E_ARGUMENT` naming the argument. */

export function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw argumentError(name, "must be a non-negative integer", value);
}

export function assertPositiveCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw argumentError(name, "must be a positive integer", value);
}

/** `x` successes out of `n` trials: 0 ≤ x ≤ n, n ≥ 1, both integers. */
export function assertSuccesses(xName: string, x: number, nName: string, n: number): void {
  assertPositiveCount(nName, n);
  assertCount(xName, x);
  if (x > n) throw argumentError(xName, `must not exceed ${nName} (${n})`, x);
}

/**
 * A confidence level strictly between 0 and 1, and far enough from 1 that its two-sided normal
 * quantile is finite (0.9999999999999999 rounds 1 − α/2 to 1: z = ∞ and every limit NaN).
 */
export function assertLevel(level: number, name = "level"): void {
  if (!Number.isFinite(level) || level <= 0 || level >= 1) {
    throw argumentError(name, "must be a number strictly between 0 and 1", level);
  }
  if (!Number.isFinite(twoSidedZ(level))) {
    throw argumentError(name, "is too close to 1 for a finite interval (its normal quantile is infinite), e.g. 0.999 is fine", level);
  }
}

/** A probability strictly between 0 and 1. */
export function assertOpenProbability(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw argumentError(name, "must be a number strictly between 0 and 1", value);
  }
}

/** A probability in [0, 1]. */
export function assertProbability(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw argumentError(name, "must be a number from 0 to 1", value);
  }
}

export function assertPositiveNumber(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) throw argumentError(name, "must be a positive finite number", value);
}

/**
 * The population size of a finite-population correction: a finite N ≥ n. It need not be an
 * integer: a domain's population size is estimated (N·n_d/n for a domain of an SRS).
 */
export function assertPopulationSize(populationSize: number, n: number): void {
  if (!Number.isFinite(populationSize) || populationSize < n) {
    throw argumentError("populationSize", `must be a finite number at least the sample size (${n})`, populationSize);
  }
}

/** One of a fixed set of option values. */
export function assertOneOf<T extends string>(name: string, value: string, allowed: readonly T[]): asserts value is T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw argumentError(name, `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`, value);
  }
}
