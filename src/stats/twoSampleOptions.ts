import { argumentError } from "../errors";
import { assertSuccesses } from "./validate";

/** Options of the two-sample intervals (`differenceCI`, `ratioCI`, `oddsRatioCI`). */
export interface TwoSampleOptions<Method extends string> {
  /** The interval method. */
  method?: Method;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** For method "score": Miettinen–Nurminen variance factor N/(N − 1) (default true). */
  correction?: boolean;
}

/** x1 of n1 and x2 of n2 are valid binomial counts. */
export function assertTwoSamples(x1: number, n1: number, x2: number, n2: number): void {
  assertSuccesses("x1", x1, "n1", n1);
  assertSuccesses("x2", x2, "n2", n2);
}

/** Throws when a count that a log-scale method divides by is zero. */
export function assertNonZeroCell(name: string, value: number, method: string): void {
  if (value === 0) throw argumentError(name, `must not be 0 for method "${method}" (use the adjusted or score method)`, value);
}
