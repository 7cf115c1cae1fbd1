import { argumentError } from "../../errors";

/** Throws `E_ARGUMENT` naming the argument unless `value` is a whole count (≥ 1 when `positive`). */
export function requireCount(name: string, value: number, { positive = false } = {}): void {
  if (!Number.isSafeInteger(value) || value < (positive ? 1 : 0)) {
    throw argumentError(name, positive ? "must be a positive integer" : "must be a non-negative integer", value);
  }
}
