/**
 * The number a numeric answer holds, written with a decimal point or the decimal comma of
 * French Excel ("12,5"); NaN for anything else (text, thousands separators, hex, exponents).
 *
 * @param raw - The cell, as in the CSV.
 * @returns The number, or NaN.
 *
 * @example
 * ```ts
 * import { parseNumberAnswer } from "svyprop";
 *
 * [parseNumberAnswer("12,5"), parseNumberAnswer(" 42 "), parseNumberAnswer("1e3"), parseNumberAnswer("1 000")];
 * // → [12.5, 42, NaN, NaN]
 * ```
 */
export function parseNumberAnswer(raw: string): number {
  const value = raw.trim();
  return /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(value) ? Number(value.replace(",", ".")) : Number.NaN;
}
