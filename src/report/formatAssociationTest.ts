import type { AssociationTest } from "../estimate/crosstab";

const NAMES: Record<AssociationTest["method"], string> = {
  pearson: "Pearson's chi-square",
  fisher: "Fisher's exact test",
  "rao-scott-F": "Rao–Scott F",
  "rao-scott-chisq": "Rao–Scott chi-square",
};

/**
 * A test of independence in one line, e.g. "Pearson's chi-square: X² = 1.46 on 1 df, p = 0.228
 * (n = 33)" or "Rao–Scott F: F = 3.21 on 1.93 and 21.2 df, p = 0.061 (n = 100)"; a Monte Carlo
 * p-value says so: "Fisher's exact test: p = 0.04 (n = 39, Monte Carlo p from 2000 tables, seed 1)".
 *
 * @param test - The test, e.g. a `crosstab`'s.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { crosstab, formatAssociationTest, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * formatAssociationTest(crosstab(survey, "facebook", "position").test);
 * // → "Pearson's chi-square: X² = 1.42 on 1 df, p = 0.233 (n = 202)"
 * ```
 */
export function formatAssociationTest(test: AssociationTest): string {
  const statistic =
    test.statistic === undefined
      ? ""
      : test.ndf !== undefined && test.ddf !== undefined
        ? `F = ${significant(test.statistic)} on ${significant(test.ndf)} and ${significant(test.ddf)} df, `
        : `X² = ${significant(test.statistic)} on ${test.df} df, `;
  const simulated = test.simulated ? `, Monte Carlo p from ${test.simulated.replicates} tables, seed ${test.simulated.seed}` : "";
  return `${NAMES[test.method]}: ${statistic}p ${pValueText(test.pValue)} (n = ${test.n}${simulated})`;
}

const significant = (value: number): string => (Number.isFinite(value) ? String(Number(value.toPrecision(3))) : String(value));

/** "= p" to three significant digits, or "< 0.001". */
const pValueText = (p: number): string => (p < 0.001 ? "< 0.001" : `= ${Number(p.toPrecision(3))}`);
