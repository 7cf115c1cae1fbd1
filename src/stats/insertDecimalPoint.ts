/**
 * Writes an integer count of 10^-decimals units as decimal text: (4750n, 2) → "47.50",
 * (5n, 2) → "0.05". The last step of every exact rounding in svyprop.
 */
export function insertDecimalPoint(units: bigint, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, "0");
  if (decimals === 0) return digits;
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
