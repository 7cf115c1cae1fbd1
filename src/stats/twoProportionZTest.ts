import { chiSquareUpperTail } from "./tails";
import { assertSuccesses } from "./validate";

export interface TwoProportionZTest {
  /** x1/n1 − x2/n2. */
  difference: number;
  /** Pooled SE √(p̄(1 − p̄)(1/n1 + 1/n2)), p̄ = (x1 + x2)/(n1 + n2). */
  se: number;
  /** z = difference / se (0 when both samples are all successes or all failures). */
  statistic: number;
  /** Two-sided: P(χ²₁ ≥ z²). */
  pValue: number;
}

/**
 * The two-proportion z-test with the pooled variance, as R `prop.test(c(x1, x2), c(n1, n2),
 * correct = FALSE)` (Agresti 2013, Categorical Data Analysis, §2.1.3). Where p̄ is 0 or 1 the two
 * proportions are equal and have no variance (R: NaN): z = 0 and p = 1.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionZTest {
  assertSuccesses("x1", x1, "n1", n1);
  assertSuccesses("x2", x2, "n2", n2);
  const pooled = (x1 + x2) / (n1 + n2);
  const difference = x1 / n1 - x2 / n2;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { difference, se, statistic: 0, pValue: 1 };
  const statistic = difference / se;
  return { difference, se, statistic, pValue: chiSquareUpperTail(statistic * statistic, 1) };
}
