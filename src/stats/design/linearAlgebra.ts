import { argumentError } from "../../errors";

/** Small dense linear algebra (row-major Float64Array) for the design-based tests. */

/** A·B for an (r×s) A and an (s×t) B. */
export function matMul(A: Float64Array, B: Float64Array, r: number, s: number, t: number): Float64Array {
  const out = new Float64Array(r * t);
  for (let i = 0; i < r; i++) {
    for (let l = 0; l < s; l++) {
      const a = A[i * s + l]!;
      if (a === 0) continue;
      for (let j = 0; j < t; j++) out[i * t + j]! += a * B[l * t + j]!;
    }
  }
  return out;
}

/** Aᵀ for an (r×s) A. */
export function transpose(A: Float64Array, r: number, s: number): Float64Array {
  const out = new Float64Array(r * s);
  for (let i = 0; i < r; i++) for (let j = 0; j < s; j++) out[j * r + i] = A[i * s + j]!;
  return out;
}

/** Solves A·X = B for a square (n×n) A and an (n×t) B by Gaussian elimination with partial pivoting. */
export function solve(A: Float64Array, B: Float64Array, n: number, t: number): Float64Array {
  const a = Float64Array.from(A);
  const x = Float64Array.from(B);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    const p = a[pivot * n + col]!;
    if (p === 0 || !Number.isFinite(p)) throw argumentError("matrix", "is singular");
    if (pivot !== col) {
      for (let c = 0; c < n; c++) [a[col * n + c], a[pivot * n + c]] = [a[pivot * n + c]!, a[col * n + c]!];
      for (let c = 0; c < t; c++) [x[col * t + c], x[pivot * t + c]] = [x[pivot * t + c]!, x[col * t + c]!];
    }
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col]! / p;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c]! -= f * a[col * n + c]!;
      for (let c = 0; c < t; c++) x[r * t + c]! -= f * x[col * t + c]!;
    }
  }
  for (let col = n - 1; col >= 0; col--) {
    const p = a[col * n + col]!;
    for (let c = 0; c < t; c++) {
      let s = x[col * t + c]!;
      for (let k = col + 1; k < n; k++) s -= a[col * n + k]! * x[k * t + c]!;
      x[col * t + c] = s / p;
    }
  }
  return x;
}

/**
 * Residuals of the columns of Y (n×q) after least-squares projection on the column space of
 * X (n×p, full column rank): Y − X(XᵀX)⁻¹XᵀY, by modified Gram–Schmidt applied twice.
 */
export function projectionResiduals(X: Float64Array, n: number, p: number, Y: Float64Array, q: number): Float64Array {
  const basis: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = X[i * p + j]!;
    for (let pass = 0; pass < 2; pass++) for (const b of basis) subtractProjection(v, b);
    const norm = Math.hypot(...v);
    if (norm === 0) throw argumentError("X", "must have full column rank");
    for (let i = 0; i < n; i++) v[i]! /= norm;
    basis.push(v);
  }
  const out = new Float64Array(n * q);
  for (let j = 0; j < q; j++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = Y[i * q + j]!;
    for (let pass = 0; pass < 2; pass++) for (const b of basis) subtractProjection(v, b);
    for (let i = 0; i < n; i++) out[i * q + j] = v[i]!;
  }
  return out;
}

function subtractProjection(v: Float64Array, unit: Float64Array): void {
  let d = 0;
  for (let i = 0; i < v.length; i++) d += v[i]! * unit[i]!;
  for (let i = 0; i < v.length; i++) v[i]! -= d * unit[i]!;
}

export function trace(A: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += A[i * n + i]!;
  return s;
}
