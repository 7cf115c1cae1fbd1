import { type ConsistencyTarget, printsAs } from "./consistencyTarget";
import { lowestNumerator } from "./numeratorsFor";

/** Whether the figure can be printed over n: by its count when known, else by some whole count. */
export function fitsDenominator(target: ConsistencyTarget, n: number, count?: number): boolean {
  return count === undefined ? lowestNumerator(target, n) !== undefined : count <= n && printsAs(count, n, target);
}
