import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { profileLikelihoodLimits } from "../../src/stats/profileLikelihoodLimits";
import { quasibinomialFitOfCounts } from "../../src/stats/quasibinomialFit";
import { expectArgumentError } from "./expectArgumentError";
import { expectClose } from "./oracle";

/**
 * The profile-likelihood interval of x/n with design SE `se` and df, solved here from its
 * definition rather than by MASS's steps: {p0 : 2n·KL(p̂ ‖ p0)/φ ≤ t²·λ} with φ = n/(n − 1) and
 * λ = n·SE²/(p̂(1 − p̂)) — Lumley 2010 §2.3.1 with the exact MLE (R stops IRLS near it).
 */
function definitionLimits(x: number, n: number, se: number, df: number, level: number): [number, number] {
  const p = x / n;
  const lambda = (n * se * se) / (p * (1 - p));
  const cutoff2 = tQuantile((1 + level) / 2, df) ** 2 * lambda;
  const z2 = (mu: number) => (2 * n * (p * Math.log(p / mu) + (1 - p) * Math.log((1 - p) / (1 - mu)))) * ((n - 1) / n);
  const bisect = (inside: number, outside: number): number => {
    for (let i = 0; i < 200; i++) {
      const mid = (inside + outside) / 2;
      if (z2(mid) < cutoff2) inside = mid;
      else outside = mid;
    }
    return (inside + outside) / 2;
  };
  return [bisect(p, 0), bisect(p, 1)];
}

describe("profileLikelihoodLimits", () => {
  it("follows R's nine steps and spline where they reach the cutoff: close to, not equal to, the exact profile", () => {
    for (const [x, n, N] of [[7, 10, 12], [73, 100, 200], [5, 50, 100000]] as const) {
      const p = x / n;
      const se = Math.sqrt(((1 - n / N) * p * (1 - p)) / (n - 1));
      const { lower, upper } = profileLikelihoodLimits(quasibinomialFitOfCounts(x, n), se, n - 1, 0.95);
      const [exactLower, exactUpper] = definitionLimits(x, n, se, n - 1, 0.95);
      expectClose(lower, exactLower, 2e-3, "lower");
      expectClose(upper, exactUpper, 2e-3, "upper");
      expect(Math.abs(lower - exactLower) + Math.abs(upper - exactUpper)).toBeGreaterThan(1e-9);
    }
  });

  it("solves the profile where R's steps fall short (R: NA): deff 0.05 with df = 2", () => {
    const [x, n, df] = [30, 100, 2];
    const se = Math.sqrt((0.05 * 0.3 * 0.7) / n);
    const { lower, upper } = profileLikelihoodLimits(quasibinomialFitOfCounts(x, n), se, df, 0.95);
    const [exactLower, exactUpper] = definitionLimits(x, n, se, df, 0.95);
    expectClose(lower, exactLower, 1e-7, "lower");
    expectClose(upper, exactUpper, 1e-7, "upper");
    expect(lower).toBeGreaterThan(0.2);
    expect(upper).toBeLessThan(0.4);
  });

  it("rejects a fit without spread", () => {
    expectArgumentError(() => profileLikelihoodLimits(quasibinomialFitOfCounts(3, 10), 0, 9, 0.95), "se");
    expectArgumentError(() => profileLikelihoodLimits(quasibinomialFitOfCounts(1, 1), 0.1, 1, 0.95), "rows");
  });
});
