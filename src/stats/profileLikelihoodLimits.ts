import erfcinv from "@stdlib/math-base-special-erfcinv";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { argumentError } from "../errors";
import { evaluateSpline, fmmSpline } from "./fmmSpline";
import type { Limits } from "./limits";
import { logitLinkInverse, type QuasibinomialFit } from "./quasibinomialFit";
import { expit } from "./expit";

/** MASS `profile.glm` defaults: at most 10 steps (9 points) each way, each zmax/5 standard errors. */
const MAX_STEPS = 10;
const STEPS_PER_ZMAX = 5;
/** Beyond |η| = 30 R's logit link saturates, so the profile deviance stops growing. */
const LINK_SATURATION = 30;

/**
 * svyciprop's `method = "likelihood"` interval (survey 4.1 `svyciprop` → `confint.svyglm(method =
 * "likelihood")` → MASS 7.3 `profile.glm` and `confint.profile.glm`; Lumley 2010, "Complex
 * Surveys", §2.3.1), computed as R computes it from the intercept-only quasibinomial fit:
 *
 * 1. The profile is scaled to the design: λ = V_design(β)/V_model(β), V_design(β) = (SE/μ'(β))²,
 *    V_model(β) = 1/Σ working weights, and the profile's tail probability becomes
 *    a = Φ(t_{α/2, df}·√λ) (R's `unscaled_level`), so the cutoffs are Φ⁻¹(a) and Φ⁻¹(1 − a) =
 *    ∓t·√λ on the signed-root deviance scale.
 * 2. The signed root z(b) = ±√((D(b) − D(β̂))/φ) is evaluated at b = β̂ ± k·(zmax/5)·SE_β,
 *    k = 1…9 while |z| < zmax, zmax = t_{n − 1} upper quantile at a/4 (√ of F₁,ₙ₋₁'s at a/2); φ is
 *    the dispersion, the design variance of the Pearson residuals (with n/(n − 1)).
 * 3. A Forsythe–Malcolm–Moler cubic spline through (b, z), sampled at 3·points equally spaced b,
 *    is inverted by linear interpolation at the cutoffs, and expit gives the limits.
 *
 * Like survey's copy of MASS's profile ("very slight changes to avoid rounding error in
 * 1-alpha"), a stays a lower-tail probability throughout: with a large λ it is far below 1e-16,
 * where 1 − 2a rounds to 1 and the cutoffs to ±∞.
 *
 * Where R returns NA — the nine steps end before a cutoff — svyprop solves z(b) = cutoff on the
 * profile itself by bisection, and takes 0 or 1 when not even |η| = 30 reaches it (oracle D8).
 */
export function profileLikelihoodLimits(fit: QuasibinomialFit, se: number, df: number, level: number): Limits {
  const { coefficient, fitted, rows, weightedRows, proportion } = fit;
  if (!(rows >= 2 && weightedRows >= 2)) throw argumentError("rows", "must be at least 2 for a profile-likelihood interval", rows);
  if (!(proportion > 0 && proportion < 1 && se > 0)) throw argumentError("se", "must be positive, with a proportion strictly between 0 and 1", se);
  const muEta = fitted * (1 - fitted);
  const seBeta = se / muEta;
  const lambda = seBeta * seBeta * fit.workingWeightSum;
  const tail = normalCdf(tQuantile((1 - level) / 2, df) * Math.sqrt(lambda), 0, 1);
  // Φ⁻¹(a) = −√2·erfc⁻¹(2a), exact far into the tail where stdlib's normal quantile returns −∞
  const cutoff = Math.SQRT2 * erfcinv(2 * tail);
  const cutoffs = [-cutoff, cutoff] as const;
  const zmax = -tQuantile(tail / 4, rows - 1);
  const step = (zmax / STEPS_PER_ZMAX) * seBeta;

  const dispersion = ((proportion * (1 - proportion)) / (fitted * (1 - fitted))) * (weightedRows / (weightedRows - 1));
  const successes = proportion * rows;
  const failures = rows - successes;
  const signedRoot = (b: number): number => {
    const mu = logitLinkInverse(b);
    const deviance = -2 * (successes * Math.log(mu) + failures * Math.log(1 - mu));
    return Math.sign(b - coefficient) * Math.sqrt(Math.max(0, (deviance - fit.deviance) / dispersion));
  };

  const linkLimits = Number.isFinite(step) ? splineInverse(signedRoot, coefficient, step, zmax, cutoffs) : [Number.NaN, Number.NaN];
  const [lower, upper] = cutoffs.map((cutoff, side) => {
    const b = linkLimits[side]!;
    return expit(Number.isNaN(b) ? solveProfile(signedRoot, coefficient, cutoff) : b);
  }) as [number, number];
  return { lower, upper };
}

/**
 * MASS's profile and its inversion: z at up to 9 steps each way from β̂ (stopping once |z| ≥ zmax),
 * an FMM spline through them sampled at 3·points values of b, then linear interpolation of b at
 * each cutoff (NaN when the sampled z do not reach it).
 */
function splineInverse(signedRoot: (b: number) => number, coefficient: number, step: number, zmax: number, cutoffs: readonly number[]): number[] {
  const points: { b: number; z: number }[] = [{ b: coefficient, z: 0 }];
  for (const direction of [-1, 1]) {
    let z = 0;
    for (let k = 1; k < MAX_STEPS && Math.abs(z) < zmax; k++) {
      const b = coefficient + direction * k * step;
      z = signedRoot(b);
      points.push({ b, z });
    }
  }
  points.sort((p, q) => p.b - q.b);
  const spline = fmmSpline(
    points.map((p) => p.b),
    points.map((p) => p.z),
  );
  const sampled = equallySpaced(points[0]!.b, points[points.length - 1]!.b, 3 * points.length).map((b) => ({ b, z: evaluateSpline(spline, b) }));
  sampled.sort((p, q) => p.z - q.z);
  return cutoffs.map((cutoff) => interpolateInverse(sampled, cutoff));
}

/** R `seq.int(from, to, length.out = n)`: filled from both ends. */
function equallySpaced(from: number, to: number, n: number): number[] {
  const out = new Array<number>(n);
  const by = (to - from) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = i === n - 1 ? to : i < Math.floor(n / 2) ? from + i * by : to - (n - 1 - i) * by;
  return out;
}

/** R `approx(z, b, xout = cutoff)` over points sorted by z: linear, NaN outside their range. */
function interpolateInverse(points: readonly { b: number; z: number }[], cutoff: number): number {
  let i = 0;
  let j = points.length - 1;
  if (!(cutoff >= points[i]!.z && cutoff <= points[j]!.z)) return Number.NaN;
  while (i < j - 1) {
    const k = (i + j) >> 1;
    if (cutoff < points[k]!.z) j = k;
    else i = k;
  }
  const [a, c] = [points[i]!, points[j]!];
  if (cutoff === c.z) return c.b;
  if (cutoff === a.z) return a.b;
  return a.b + (c.b - a.b) * ((cutoff - a.z) / (c.z - a.z));
}

/** The b with z(b) = cutoff on the side of the cutoff's sign, by bisection; ±30 when out of reach. */
function solveProfile(signedRoot: (b: number) => number, coefficient: number, cutoff: number): number {
  const far = cutoff < 0 ? -LINK_SATURATION : LINK_SATURATION;
  if (Math.abs(signedRoot(far)) <= Math.abs(cutoff)) return cutoff < 0 ? -Infinity : Infinity;
  let near = coefficient;
  let beyond = far;
  for (let iteration = 0; iteration < 200 && Math.abs(beyond - near) > 1e-15 * Math.max(1, Math.abs(near)); iteration++) {
    const mid = (near + beyond) / 2;
    if (Math.abs(signedRoot(mid)) < Math.abs(cutoff)) near = mid;
    else beyond = mid;
  }
  return (near + beyond) / 2;
}
