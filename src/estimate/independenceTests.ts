import { SurveyError } from "../errors";
import { chiSquareTest } from "../stats/chiSquareTest";
import { fisherExactTest } from "../stats/fisherExactTest";
import type { RaoScottResult } from "../stats/design";
import type { Tally } from "../tally";
import type { AssociationTest, CrosstabOptions } from "./crosstab";
import { keptLevels } from "./keptLevels";

/** The levels a crosstab's test keeps: indices and codes of the categories somebody chose, and n. */
export interface TestLevels {
  /** Indices of the row categories kept. */
  rows: number[];
  /** Indices of the column categories kept. */
  cols: number[];
  /** Their codes. */
  rowLevels: string[];
  /** The column categories' codes. */
  colLevels: string[];
  /** Respondents who answered both questions. */
  n: number;
}

/**
 * The levels of a crosstab's test of independence, from the row question's tally split by the
 * column question (`keptLevels`); `E_ARGUMENT` unless each question keeps two.
 *
 * @param tally - The row question's tally split by the column question.
 * @returns The kept categories (indices and codes) and the respondents who answered both.
 * @throws {@link SurveyError} `E_ARGUMENT` when a question has fewer than two chosen categories.
 */
export function testLevels(tally: Tally): TestLevels {
  const { rows, cols } = keptLevels(tally);
  const rowLevels = rows.map((r) => tally.categories[r]!.code);
  const colLevels = cols.map((c) => tally.by!.groups[c]!.code);
  if (rowLevels.length < 2 || colLevels.length < 2) {
    throw new SurveyError(
      "E_ARGUMENT",
      `crosstab: a test of independence needs two chosen categories in each question; among those who answered both, "${tally.question}" has ${rowLevels.length} and "${tally.by!.question}" ${colLevels.length}`,
    );
  }
  return { rows, cols, rowLevels, colLevels, n: tally.bases.reduce((a, b) => a + b, 0) };
}

/**
 * Pearson's chi-square (R `chisq.test`) or Fisher's exact test (R `fisher.test`) on the table of
 * counts of the respondents who answered both: the row question's tally split by the column question.
 *
 * @param tally - The row question's tally split by the column question.
 * @param options - The `test` ("pearson" or "fisher"), Yates' `correction` and Fisher's options.
 * @returns The test.
 * @throws {@link SurveyError} `E_ARGUMENT` for a design-only test or too few chosen categories.
 */
export function countTest(tally: Tally, options: CrosstabOptions): AssociationTest {
  const test = options.test ?? "pearson";
  if (test !== "pearson" && test !== "fisher") {
    throw new SurveyError("E_ARGUMENT", `test ${test} is the Rao–Scott test of a weighted, stratified or clustered design; this survey is a simple random sample: use pearson or fisher`);
  }
  const levels = testLevels(tally);
  const k = tally.categories.length;
  const table = levels.rows.map((r) => levels.cols.map((c) => tally.counts[c * k + r] as number));
  const { n, rowLevels, colLevels } = levels;
  if (test === "fisher") {
    const { pValue, simulated } = fisherExactTest(table, options.fisher);
    return { method: "fisher", pValue, ...(simulated ? { simulated } : {}), n, rowLevels, colLevels };
  }
  const result = chiSquareTest(table, { correction: options.correction ?? true });
  return { method: "pearson", statistic: result.statistic, df: result.df, pValue: result.pValue, n, rowLevels, colLevels };
}

/**
 * The Rao–Scott statistic a crosstab on a design asks for: "F" (default, as R `svychisq`) or "Chisq".
 *
 * @param options - The crosstab's options.
 * @returns "F" or "Chisq".
 * @throws {@link SurveyError} `E_ARGUMENT` for a test that ignores the design.
 */
export function raoScottStatistic(options: CrosstabOptions): "F" | "Chisq" {
  const test = options.test ?? "F";
  if (test !== "F" && test !== "Chisq") {
    throw new SurveyError("E_ARGUMENT", `test ${test} ignores the design's weights, strata and clusters: use F or Chisq (Rao–Scott)`);
  }
  return test;
}

/**
 * A crosstab's test from a Rao–Scott result.
 *
 * @param result - The Rao–Scott result.
 * @param statistic - Which statistic it is.
 * @param levels - The levels kept and n.
 * @returns The test.
 */
export function raoScottAssociation(result: RaoScottResult, statistic: "F" | "Chisq", levels: TestLevels): AssociationTest {
  return {
    method: statistic === "F" ? "rao-scott-F" : "rao-scott-chisq",
    statistic: result.statistic,
    ...(result.df === undefined ? {} : { df: result.df }),
    ...(result.ndf === undefined ? {} : { ndf: result.ndf }),
    ...(result.ddf === undefined ? {} : { ddf: result.ddf }),
    pValue: result.pValue,
    n: levels.n,
    rowLevels: levels.rowLevels,
    colLevels: levels.colLevels,
  };
}
