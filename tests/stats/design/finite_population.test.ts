import { describe, expect, it } from "vitest";
import { designLogitFit, designMean, designProportionCI } from "../../../src/stats/design";
import { surveyProportionCI, type SurveyCIMethod } from "../../../src/stats/surveyProportionCI";
import { expectClose, loadOracle, num } from "../oracle";

/**
 * finite_population.json through the design path: R `svydesign(ids=~1, fpc=~fpc)` on
 * y = (1 × x, 0 × (n − x)), fpc = N, no weights (svydesign's weights N/n). Every visible case
 * checks svymean's estimate, SE and degf; the svyciprop limits of the non-degenerate cases are
 * checked too (logit to 1e-8 absolute: R's svyglm IRLS). The degenerate ones (R gives NaN: x = 0,
 * x = n, n = N) follow surveyProportionCI's documented choices, tested in tests/stats; and
 * "likelihood" has no implementation (see the report).
 */
const cases = loadOracle("finite_population.json");

function srs(x: number, n: number): Float64Array {
  const y = new Float64Array(n);
  y.fill(1, 0, x);
  return y;
}

describe("finite_population.json: svymean on an SRS without replacement", () => {
  for (const c of cases) {
    const [x, n, N, level] = [c.inputs.x, c.inputs.n, c.inputs.N, c.inputs.level].map(num) as [number, number, number, number];
    it(c.id, () => {
      const e = designMean({ y: srs(x, n), fpc: N });
      expectClose(e.estimate, num(c.outputs.svymean_estimate), 1e-12, "estimate");
      expectClose(e.se, num(c.outputs.svymean_se), 1e-10, "se");
      expect(e.df).toBe(num(c.outputs.degf));
      expectClose(e.sumWeights, N, 1e-13, "Σw = N");
      if (c.outputs.lower === null) return; // R raised an error (outputs.error) or gave NA
      const lower = num(c.outputs.lower);
      const upper = num(c.outputs.upper);
      if ( Number.isNaN(lower) || Number.isNaN(upper) || e.se === 0 || x === 0 || x === n) return;
      const method = c.method as SurveyCIMethod;
      const fit = method === "likelihood" ? { fit: designLogitFit({ y: srs(x, n), fpc: N }) } : {};
      const ci = designProportionCI(e, { method, level, ...fit });
      const tol = method === "logit" || method === "likelihood" ? 1e-8 : 1e-9;
      // R leaves "mean" unclipped; svyprop clips to [0, 1]
      expect(Math.abs(ci.lower - Math.max(0, lower))).toBeLessThanOrEqual(tol);
      expect(Math.abs(ci.upper - Math.min(1, upper))).toBeLessThanOrEqual(tol);
    });
  }
});

describe("unweighted data give the simple-random-sample results", () => {
  it("SE √(p(1−p)/(n−1)) without fpc, √((1−n/N)p(1−p)/(n−1)) with, and the same interval as surveyProportionCI", () => {
    for (const [x, n, N] of [[7, 20, 405], [147, 202, 405], [1, 30, 100], [50, 100, 1000]] as const) {
      const p = x / n;
      const plain = designMean({ y: srs(x, n) });
      expect(plain.estimate).toBe(p);
      expectClose(plain.se, Math.sqrt((p * (1 - p)) / (n - 1)), 1e-13, "se");
      expect(plain.df).toBe(n - 1);
      expectClose(plain.deffReplace, 1, 1e-13, "deff replace");
      expectClose(plain.effectiveN, n, 1e-13, "Kish n");
      const fpc = designMean({ y: srs(x, n), fpc: N });
      const se = Math.sqrt(((1 - n / N) * p * (1 - p)) / (n - 1));
      expectClose(fpc.se, se, 1e-13, "se fpc");
      for (const method of ["logit", "xlogit", "beta", "mean", "asin", "likelihood"] as const) {
        const a = designProportionCI(fpc, { method, level: 0.9 });
        const b = surveyProportionCI(p, se, { df: n - 1, nrow: n, method, level: 0.9 });
        expectClose(a.lower, b.lower, 1e-12, `${method} lower`);
        expectClose(a.upper, b.upper, 1e-12, `${method} upper`);
      }
    }
  });
});
