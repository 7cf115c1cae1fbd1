const MINUS = 45;
const DOT = 46;
const COMMA = 44;
const ZERO = 48;
/** At most 15 digits: their integer is exact in a double, and so is every power of ten up to 10^15. */
const MAX_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: MAX_DIGITS + 1 }, (_, e) => 10 ** e);

/**
 * The number written in `bytes[start, end)` when it is a plain decimal — an optional minus, digits,
 * and optionally a `.` or `,` followed by digits, at most 15 digits in all — else NaN (the caller
 * then reads the cell as text). For those cells it is exactly `Number(text.replace(",", "."))`:
 * the digits make an exact integer m, 10^f is exact, and m / 10^f is one correctly rounded
 * division (Clinger's fast path, "How to read floating point numbers accurately", PLDI 1990).
 */
export function parseDecimalBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; i < end; i++) {
    const byte = bytes[i] as number;
    const digit = byte - ZERO;
    if (digit >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if ((byte === DOT || byte === COMMA) && fractionDigits < 0 && digits > 0) fractionDigits = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > MAX_DIGITS || fractionDigits === 0) return Number.NaN;
  const value = fractionDigits > 0 ? mantissa / (POWERS_OF_TEN[fractionDigits] as number) : mantissa;
  return negative ? -value : value;
}
