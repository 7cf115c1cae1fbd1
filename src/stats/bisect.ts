/**
 * Bisection for a sign change of `f` between `from` and `to` (either order), run until the
 * midpoint is no longer representable between the ends (or 300 halvings). `f(from)` and `f(to)`
 * must differ in sign (or one be zero).
 */
export function bisect(f: (t: number) => number, from: number, to: number): number {
  const fromSign = Math.sign(f(from));
  let [a, b] = [from, to];
  for (let i = 0; i < 300; i += 1) {
    const mid = a + (b - a) / 2;
    if (mid === a || mid === b) break;
    if (Math.sign(f(mid)) === fromSign) a = mid;
    else b = mid;
  }
  return a + (b - a) / 2;
}
