import { argumentError } from "../errors";
import { insertDecimalPoint } from "./insertDecimalPoint";

/** How a printed figure was rounded. */
export type RoundingRule = "half-up" | "half-even" | "truncate";

/** Options of `roundRatio`. */
export interface RoundRatioOptions {
  /** Digits after the decimal point (default 0). */
  decimals?: number;
  /** Multiplier applied to k/n before rounding: 100 for a percentage (default), 1 for a proportion. */
  scale?: number;
  /** Default "half-up", the rule journals print with. */
  rounding?: RoundingRule;
}

/**
 * Rounds the rational `k/n × scale` to `decimals` digits exactly, with integer (BigInt)
 * arithmetic, and returns the printed text ("47.5" → 48 → "48"; 5/477 % → "1.05").
 * Floating point cannot do this: `(0.475).toFixed(2)` gives "0.47" because 0.475 is stored as
 * 0.47499999…; 19/40 is exactly 0.475 and rounds half-up to 0.48.
 *
 * @param k - The numerator, a non-negative integer.
 * @param n - The denominator, a positive integer.
 * @param options - Decimals (default 0), scale (default 100: a percentage) and rounding rule (default half-up).
 * @returns The rounded figure as printed, e.g. "48".
 * @throws {@link SurveyError} `E_ARGUMENT` when k, n, decimals or scale is not a valid integer.
 *
 * @example
 * ```ts
 * import { roundRatio } from "svyprop";
 *
 * roundRatio(19, 40); // → "48"
 * roundRatio(5, 477, { decimals: 2 }); // → "1.05"
 * (0.475).toFixed(2); // → "0.47"
 * ```
 */
export function roundRatio(k: number, n: number, options: RoundRatioOptions = {}): string {
  const { decimals = 0, scale = 100, rounding = "half-up" } = options;
  if (!Number.isSafeInteger(k) || k < 0) throw argumentError("k", "must be a non-negative integer", k);
  if (!Number.isSafeInteger(n) || n <= 0) throw argumentError("n", "must be a positive integer", n);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw argumentError("decimals", "must be an integer from 0 to 15", decimals);
  }
  if (!Number.isSafeInteger(scale) || scale <= 0) throw argumentError("scale", "must be a positive integer", scale);

  const numerator = BigInt(k) * BigInt(scale) * 10n ** BigInt(decimals);
  const denominator = BigInt(n);
  const quotient = numerator / denominator;
  const twiceRemainder = 2n * (numerator % denominator);
  let units = quotient;
  if (rounding === "half-up" && twiceRemainder >= denominator) units += 1n;
  if (rounding === "half-even") {
    if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) units += 1n;
  }
  return insertDecimalPoint(units, decimals);
}
