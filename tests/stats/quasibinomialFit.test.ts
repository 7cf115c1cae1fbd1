import { describe, expect, it } from "vitest";
import { quasibinomialFit, quasibinomialFitOfCounts } from "../../src/stats/quasibinomialFit";
import { expectArgumentError } from "./expectArgumentError";
import { expectClose, expectWithin, loadOracle, num } from "./oracle";

/**
 * R's svyciprop "logit" and "likelihood" report plogis(coef(svyglm)), i.e. where glm's IRLS
 * stopped — for 5/50 that is 0.10000000152809, not 0.1. The fit must stop at the same place,
 * so finite_population.json's svyciprop estimates are its reference, to 1e-14.
 */
const stoppedEstimates = loadOracle("finite_population.json").filter(
  (c) => (c.method === "logit" || c.method === "likelihood") && typeof c.outputs.estimate === "number" && Number(c.inputs.x) > 0 && c.inputs.x !== c.inputs.n,
);

describe("quasibinomialFit stops where R's glm.fit stops", () => {
  it("covers the non-degenerate logit and likelihood cases", () => expect(stoppedEstimates.length).toBeGreaterThanOrEqual(15));
  for (const c of stoppedEstimates) {
    const [x, n] = [num(c.inputs.x), num(c.inputs.n)];
    it(`${x}/${n} (${c.method}, level ${c.inputs.level})`, () => {
      const fit = quasibinomialFitOfCounts(x, n);
      expectClose(fit.fitted, num(c.outputs.estimate), 1e-14, "fitted");
      expect(fit.proportion).toBe(x / n);
      const y = Array.from({ length: n }, (_, i) => (i < x ? 1 : 0));
      const fromRows = quasibinomialFit(y);
      expect(fromRows.iterations).toBe(fit.iterations);
      expectWithin(fromRows.coefficient, fit.coefficient, 1e-13, "coefficient");
      for (const key of ["fitted", "deviance", "workingWeightSum"] as const) expectClose(fromRows[key], fit[key], 1e-13, key);
    });
  }
});

describe("quasibinomialFit", () => {
  it("is the exact MLE up to IRLS's tolerance, with the deviance and working weights at its last step", () => {
    const fit = quasibinomialFitOfCounts(30, 60);
    expect(fit.coefficient).toBeCloseTo(0, 15);
    expectClose(fit.deviance, -2 * 60 * Math.log(0.5), 1e-14, "deviance");
    expectClose(fit.workingWeightSum, 60 * 0.25, 1e-12, "Σ working weights");
    expect(fit.iterations).toBeGreaterThanOrEqual(2);
  });

  it("depends on the weights' ratios only, and rows with zero weight stay in the model frame", () => {
    const y = [1, 0, 0, 1, 0, 1, 1, 0];
    const w = [1, 2.5, 0.7, 3, 1.1, 0.4, 2, 5];
    const a = quasibinomialFit(y, w);
    const b = quasibinomialFit(y, w.map((v) => v * 37.5));
    expectClose(a.fitted, b.fitted, 1e-13, "fitted");
    expectClose(a.deviance, b.deviance, 1e-13, "deviance");
    const weightedMean = y.reduce((s, v, i) => s + v * w[i]!, 0) / w.reduce((s, v) => s + v, 0);
    expectClose(a.proportion, weightedMean, 1e-15, "proportion");
    const withZero = quasibinomialFit([...y, 1], [...w, 0]);
    expect([withZero.rows, withZero.weightedRows]).toEqual([9, 8]);
  });

  it("rejects values other than 0/1, bad weights and impossible counts", () => {
    expectArgumentError(() => quasibinomialFit([0, 0.5, 1]), "y[1]");
    expectArgumentError(() => quasibinomialFit([0, 1], [1]), "weights");
    expectArgumentError(() => quasibinomialFit([0, 1], [1, -1]), "weights[1]");
    expectArgumentError(() => quasibinomialFit([0, 1], [0, 0]), "weights");
    expectArgumentError(() => quasibinomialFitOfCounts(5, 4), "successes");
    expectArgumentError(() => quasibinomialFitOfCounts(1, 0), "rows");
  });
});
