import { argumentError } from "../errors";

/** A cubic spline through (x_i, y_i): on [x_i, x_{i+1}], y_i + dx·(b_i + dx·(c_i + dx·d_i)), dx = u − x_i. */
export interface CubicSpline {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
}

/**
 * The interpolating cubic spline of Forsythe, Malcolm & Moler (1977, "Computer Methods for
 * Mathematical Computations", §4.4, subroutine SPLINE) — R's `spline(method = "fmm")`. Its end
 * conditions make the third derivative at each end match that of the cubic through the four
 * end points; with three points it is the parabola through them, with two the line.
 * `x` must be strictly increasing.
 *
 * For example, fmmSpline([0, 1, 2, 3], [0, 1, 8, 27]) reproduces u³ exactly: evaluateSpline(s, 1.5) = 3.375.
 */
export function fmmSpline(x: readonly number[], y: readonly number[]): CubicSpline {
  const n = x.length;
  if (y.length !== n) throw argumentError("y", `must have ${n} values`, y.length);
  if (n < 2) throw argumentError("x", "must hold at least two points", n);
  for (let i = 1; i < n; i++) if (!(x[i]! > x[i - 1]!)) throw argumentError("x", "must be strictly increasing", x[i]!);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  const last = n - 1;
  if (n === 2) {
    b[0] = b[1] = (y[1]! - y[0]!) / (x[1]! - x[0]!);
    return { x, y, b, c, d };
  }
  // Tridiagonal system for the second derivatives: b diagonal, d off-diagonal, c right-hand side.
  d[0] = x[1]! - x[0]!;
  c[1] = (y[1]! - y[0]!) / d[0]!;
  for (let i = 1; i < last; i++) {
    d[i] = x[i + 1]! - x[i]!;
    b[i] = 2 * (d[i - 1]! + d[i]!);
    c[i + 1] = (y[i + 1]! - y[i]!) / d[i]!;
    c[i] = c[i + 1]! - c[i]!;
  }
  // End conditions: third derivatives from divided differences of the four end points.
  b[0] = -d[0]!;
  b[last] = -d[n - 2]!;
  c[0] = 0;
  c[last] = 0;
  if (n > 3) {
    c[0] = c[2]! / (x[3]! - x[1]!) - c[1]! / (x[2]! - x[0]!);
    c[last] = c[n - 2]! / (x[last]! - x[n - 3]!) - c[n - 3]! / (x[n - 2]! - x[n - 4]!);
    c[0] = (c[0]! * d[0]! * d[0]!) / (x[3]! - x[0]!);
    c[last] = (-c[last]! * d[n - 2]! * d[n - 2]!) / (x[last]! - x[n - 4]!);
  }
  for (let i = 1; i <= last; i++) {
    const t = d[i - 1]! / b[i - 1]!;
    b[i] = b[i]! - t * d[i - 1]!;
    c[i] = c[i]! - t * c[i - 1]!;
  }
  c[last] = c[last]! / b[last]!;
  for (let i = n - 2; i >= 0; i--) c[i] = (c[i]! - d[i]! * c[i + 1]!) / b[i]!;
  // Polynomial coefficients of each piece.
  b[last] = (y[last]! - y[n - 2]!) / d[n - 2]! + d[n - 2]! * (c[n - 2]! + 2 * c[last]!);
  for (let i = 0; i < last; i++) {
    b[i] = (y[i + 1]! - y[i]!) / d[i]! - d[i]! * (c[i + 1]! + 2 * c[i]!);
    d[i] = (c[i + 1]! - c[i]!) / d[i]!;
    c[i] = 3 * c[i]!;
  }
  c[last] = 3 * c[last]!;
  d[last] = d[n - 2]!;
  return { x, y, b, c, d };
}

/** The spline's value at `u` (outside [x_0, x_last] the end pieces are extended, as R does). */
export function evaluateSpline(spline: CubicSpline, u: number): number {
  const { x, y, b, c, d } = spline;
  let i = 0;
  let j = x.length;
  while (j > i + 1) {
    const k = (i + j) >> 1;
    if (u < x[k]!) j = k;
    else i = k;
  }
  const dx = u - x[i]!;
  return y[i]! + dx * (b[i]! + dx * (c[i]! + dx * d[i]!));
}
