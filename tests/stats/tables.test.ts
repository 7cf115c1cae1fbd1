import { describe, expect, it } from "vitest";
import type { Alternative } from "../../src/stats/alternative";
import { chiSquareTest } from "../../src/stats/chiSquareTest";
import { fisherExactTest } from "../../src/stats/fisherExactTest";
import { expectClose, loadOracle, num, type OracleCase } from "./oracle";

/** tables.json: scipy chi2_contingency / fisher_exact / association and R fisher.test (r × c). */
const cases = loadOracle("tables.json");
const tableOf = (c: OracleCase): number[][] => c.inputs.table as number[][];

const CHECKS: Record<string, (c: OracleCase) => void> = {
  chi2_contingency(c) {
    const result = chiSquareTest(tableOf(c), { correction: c.inputs.correction === true });
    expectClose(result.statistic, num(c.outputs.statistic), 1e-12, "statistic");
    expectClose(result.pValue, num(c.outputs.p_value), 1e-9, "pValue");
    expect(result.df).toBe(num(c.outputs.dof));
    const expected = c.outputs.expected as number[][];
    result.expected.forEach((row, i) => row.forEach((e, j) => expectClose(e, num(expected[i]?.[j]), 1e-12, `expected[${i}][${j}]`)));
  },
  fisher_exact_2x2(c) {
    const result = fisherExactTest(tableOf(c), { alternative: c.inputs.alternative as Alternative });
    expectClose(result.pValue, num(c.outputs.p_value), 1e-9, "pValue");
    expectClose(result.oddsRatio as number, num(c.outputs.odds_ratio), 1e-12, "oddsRatio");
  },
  fisher_rxc(c) {
    expectClose(fisherExactTest(tableOf(c)).pValue, num(c.outputs.p_value), 1e-6, "pValue");
  },
  cramers_v(c) {
    const uncorrected = chiSquareTest(tableOf(c), { correction: false });
    expectClose(uncorrected.cramersV, num(c.outputs.cramers_v), 1e-12, "cramersV");
    expectClose(uncorrected.statistic, num(c.outputs.chi2_uncorrected), 1e-12, "chi2_uncorrected");
    // Cramér's V always uses the uncorrected X², even when the test applies Yates
    expect(chiSquareTest(tableOf(c), { correction: true }).cramersV).toBe(uncorrected.cramersV);
  },
};

describe("chiSquareTest and fisherExactTest against tables.json", () => {
  for (const c of cases) {
    const check = CHECKS[c.method];
    if (check === undefined) throw new Error(`unexpected method ${c.method}`);
    it(c.id, () => check(c));
  }
});
