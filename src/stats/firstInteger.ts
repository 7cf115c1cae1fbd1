/**
 * The smallest integer k in [low, high] with `holds(k)`, for a predicate that is false then true
 * over the range (monotone); high + 1 when it never holds. Bisection: ⌈log₂(high − low + 2)⌉ calls.
 */
export function firstInteger(holds: (k: number) => boolean, low: number, high: number): number {
  let [from, to] = [low, high + 1];
  while (from < to) {
    const middle = from + Math.floor((to - from) / 2);
    if (holds(middle)) to = middle;
    else from = middle + 1;
  }
  return from;
}
