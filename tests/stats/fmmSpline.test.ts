import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateSpline, fmmSpline } from "../../src/stats/fmmSpline";
import { expectArgumentError } from "./expectArgumentError";

/**
 * The FMM spline is the C² cubic interpolant whose third derivative at each end equals that of
 * the cubic through the four end points (Forsythe, Malcolm & Moler 1977, §4.4). These tests
 * check those defining properties on random data, so they pin the end conditions down (a
 * natural or not-a-knot spline fails them).
 */
const knots = fc
  .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 4, maxLength: 12 })
  .map((xs) => xs.sort((a, b) => a - b).map((x) => x / 100));
const data = knots.chain((x) => fc.tuple(fc.constant(x), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: x.length, maxLength: x.length })));

/** Third divided difference f[x0, x1, x2, x3]; the cubic through them has third derivative 6× it. */
function thirdDividedDifference(x: readonly number[], y: readonly number[]): number {
  const d1 = (i: number) => (y[i + 1]! - y[i]!) / (x[i + 1]! - x[i]!);
  const d2 = (i: number) => (d1(i + 1) - d1(i)) / (x[i + 2]! - x[i]!);
  return (d2(1) - d2(0)) / (x[3]! - x[0]!);
}

const scale = (values: readonly number[]) => Math.max(1, ...values.map(Math.abs));

describe("fmmSpline", () => {
  it("passes through every point", () => {
    fc.assert(
      fc.property(data, ([x, y]) => {
        const s = fmmSpline(x, y);
        x.forEach((xi, i) => expect(Math.abs(evaluateSpline(s, xi) - y[i]!)).toBeLessThanOrEqual(1e-9 * scale(y)));
      }),
    );
  });

  it("is C²: value, slope and curvature agree from both sides of each interior knot", () => {
    fc.assert(
      fc.property(data, ([x, y]) => {
        const { b, c, d } = fmmSpline(x, y);
        for (let i = 1; i < x.length - 1; i++) {
          const h = x[i]! - x[i - 1]!;
          const slopeLeft = b[i - 1]! + 2 * c[i - 1]! * h + 3 * d[i - 1]! * h * h;
          const curvatureLeft = 2 * c[i - 1]! + 6 * d[i - 1]! * h;
          const tolerance = 1e-7 * scale([...b, ...c, ...d]);
          expect(Math.abs(slopeLeft - b[i]!)).toBeLessThanOrEqual(tolerance);
          expect(Math.abs(curvatureLeft - 2 * c[i]!)).toBeLessThanOrEqual(tolerance);
        }
      }),
    );
  });

  it("has the third derivative of the cubic through the four end points at each end", () => {
    fc.assert(
      fc.property(data, ([x, y]) => {
        const { d } = fmmSpline(x, y);
        const n = x.length;
        const tolerance = 1e-6 * scale([...d]);
        expect(Math.abs(d[0]! - thirdDividedDifference(x.slice(0, 4), y.slice(0, 4)))).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(d[n - 2]! - thirdDividedDifference(x.slice(n - 4), y.slice(n - 4)))).toBeLessThanOrEqual(tolerance);
      }),
    );
  });

  it("reproduces a cubic exactly, also when extended beyond the ends", () => {
    const cubic = (u: number) => 2 - u + 0.5 * u * u - 0.25 * u ** 3;
    const x = [-1, 0, 0.5, 2, 3, 4.5];
    const s = fmmSpline(x, x.map(cubic));
    for (const u of [-2, -0.3, 1.1, 2.7, 4.5, 6]) expect(evaluateSpline(s, u)).toBeCloseTo(cubic(u), 12);
  });

  it("is the line through two points and the parabola through three", () => {
    const line = fmmSpline([1, 3], [2, 6]);
    expect(evaluateSpline(line, 2.5)).toBe(5);
    const parabola = (u: number) => u * u - 3 * u;
    const p = fmmSpline([0, 1, 4], [0, 1, 4].map(parabola));
    for (const u of [0.5, 2, 3.3]) expect(evaluateSpline(p, u)).toBeCloseTo(parabola(u), 12);
  });

  it("rejects too few points, mismatched lengths and unsorted x", () => {
    expectArgumentError(() => fmmSpline([1], [1]), "x");
    expectArgumentError(() => fmmSpline([1, 2, 3], [1, 2]), "y");
    expectArgumentError(() => fmmSpline([1, 3, 2], [1, 2, 3]), "x");
    expectArgumentError(() => fmmSpline([1, 1, 2], [1, 2, 3]), "x");
  });
});
