import { argumentError } from "../errors";
import { insertDecimalPoint } from "../stats/insertDecimalPoint";

/**
 * Rounds `value × 10^shift` half away from zero to `decimals` digits, working on the
 * shortest decimal text that identifies the double (what `String(value)` prints), so
 * 0.475 → 47.5 % → "48" although 0.475 × 100 is 47.49999… in binary floating point.
 * Use it for floats (interval limits, weighted shares); for a ratio of counts use
 * `roundRatio`, which is exact on the rational k/n.
 *
 * For example, roundDecimal(0.475, { shift: 2 }) is "48" and
 * roundDecimal(0.66151, { shift: 2, decimals: 1 }) is "66.2".
 */
export function roundDecimal(value: number, options: { decimals?: number; shift?: number } = {}): string {
  const { decimals = 0, shift = 0 } = options;
  if (!Number.isFinite(value)) throw argumentError("value", "must be a finite number", value);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw argumentError("decimals", "must be an integer from 0 to 15", decimals);
  }
  const { negative, digits, exponent } = decimalDigits(value);
  // value = digits × 10^exponent; we want units of 10^-decimals after the shift.
  const unitsExponent = exponent + shift + decimals;
  let units: bigint;
  if (unitsExponent >= 0) {
    units = digits * 10n ** BigInt(unitsExponent);
  } else {
    const divisor = 10n ** BigInt(-unitsExponent);
    units = digits / divisor;
    if (2n * (digits % divisor) >= divisor) units += 1n;
  }
  const text = insertDecimalPoint(units, decimals);
  return negative && units !== 0n ? `-${text}` : text;
}

/** The shortest round-trip decimal of `value` as sign, integer digits and a power of ten. */
function decimalDigits(value: number): { negative: boolean; digits: bigint; exponent: number } {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw argumentError("value", "has no decimal form", value);
  const [, sign = "", whole = "0", fraction = "", power = "0"] = match;
  return {
    negative: sign === "-",
    digits: BigInt(whole + fraction),
    exponent: Number(power) - fraction.length,
  };
}
