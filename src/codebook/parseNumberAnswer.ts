/**
 * The number a numeric answer holds, written with a decimal point or the decimal comma of
 * French Excel ("12,5"); NaN for anything else (text, thousands separators, hex, exponents).
 */
export function parseNumberAnswer(raw: string): number {
  const value = raw.trim();
  return /^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(value) ? Number(value.replace(",", ".")) : Number.NaN;
}
