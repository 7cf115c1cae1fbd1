import { SurveyError } from "../errors";
import { chiSquareTest } from "../stats/chiSquareTest";
import { fisherExactTest, type FisherExactTestOptions } from "../stats/fisherExactTest";
import type { CategoricalAnswers, CodedAnswers, Survey } from "../survey";
import { tallyAnswers } from "../tally";
import type { Estimate } from "../types";
import { columnComparisons, type ColumnComparisonOptions, type ColumnComparisons } from "./columnComparisons";
import { designRaoScott } from "./designRaoScott";
import { estimate, type EstimateOptions } from "./estimate";

/** A test of independence between two questions. */
export type AssociationTestMethod = "pearson" | "fisher" | "rao-scott-F" | "rao-scott-chisq";

/** The result of a test of independence between the row and column questions of a crosstab. */
export interface AssociationTest {
  /** The test that was run. */
  method: AssociationTestMethod;
  /** X² (Pearson, Rao–Scott "Chisq") or F (Rao–Scott "F"); absent for Fisher's exact test. */
  statistic?: number;
  /** Degrees of freedom: df (Pearson, Rao–Scott "Chisq"), or ndf and ddf (Rao–Scott "F"). */
  df?: number;
  /** Numerator degrees of freedom of Rao–Scott "F". */
  ndf?: number;
  /** Denominator degrees of freedom of Rao–Scott "F". */
  ddf?: number;
  /** The p-value. */
  pValue: number;
  /** Respondents who answered both questions. */
  n: number;
  /** Fisher's Monte Carlo p-value: the number of simulated tables and the seed. */
  simulated?: {
    /** The number of random tables drawn. */
    replicates: number;
    /** The seed of the random number generator, so the p-value can be drawn again. */
    seed: number;
  };
  /** The categories the table kept (those somebody chose), in codebook order. */
  rowLevels: string[];
  /** The column question's categories the table kept, in codebook order. */
  colLevels: string[];
}

/** Options of `crosstab`: the interval options of `estimate`, and the test. */
export interface CrosstabOptions extends Omit<EstimateOptions, "by"> {
  /**
   * "pearson" (Pearson's chi-square, Yates-corrected for 2 × 2 as R `chisq.test`; the default
   * for a simple random sample), "fisher" (exact), or on a weighted, stratified or clustered
   * design the Rao–Scott "F" (default, as R `svychisq`) or "Chisq".
   */
  test?: "pearson" | "fisher" | "F" | "Chisq";
  /** Yates correction of a 2 × 2 Pearson test (default true, as R). */
  correction?: boolean;
  /** "fisher": a seeded Monte Carlo p-value instead of the exact one (R `simulate.p.value`; see `fisherExactTest`). */
  fisher?: Pick<FisherExactTestOptions, "simulatePValue" | "replicates" | "seed" | "workLimit">;
  /** Compare the columns' proportions of each row category, with letters (see `columnComparisons`). */
  compareColumns?: ColumnComparisonOptions;
}

/** A two-way table: the row question's estimates within each column category, and a test of independence. */
export interface Crosstab {
  /** The row question's id. */
  rowQuestion: string;
  /** The column question's id. */
  columnQuestion: string;
  /** The row question's categories within each category of the column question (`estimate(…, { by })`). */
  estimates: Estimate[];
  /** The test of independence between the two questions. */
  test: AssociationTest;
  /** With `compareColumns`: which columns differ, per row category. */
  columnComparisons?: ColumnComparisons;
}

/**
 * Two questions against each other: the row question's proportions within each answer to the
 * column question, and a test of independence among the respondents who answered both — on a
 * simple random sample Pearson's chi-square (R `chisq.test`) or Fisher's exact test (R
 * `fisher.test`) on the counts, on a design the Rao–Scott test (R `svychisq`; Rao & Scott 1984).
 * Categories nobody chose are left out of the test, as they carry no information.
 *
 * @param survey - The survey.
 * @param rowQuestion - The id of the question whose proportions the table shows (categorical).
 * @param columnQuestion - The id of the question that splits them (categorical).
 * @param options - The interval options of `estimate`, the `test` and Yates' `correction`.
 * @returns The row question's estimates within each column category, and the test of independence.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` or `E_ARGUMENT` as `estimate`, or for a test the
 *   design does not allow.
 *
 * @example
 * ```ts
 * import { crosstab, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const table = crosstab(survey, "facebook", "position");
 * // R: chisq.test(matrix(c(120, 40, 27, 15), 2)) gives X-squared = 1.4246, p-value = 0.2327.
 * table.test; // → { method: "pearson", statistic: 1.4246, df: 1, pValue: 0.2327, n: 202 }
 * table.estimates.length; // → 4
 * ```
 */
export function crosstab(survey: Survey, rowQuestion: string, columnQuestion: string, options: CrosstabOptions = {}): Crosstab {
  const { test: _, correction: __, fisher: ___, compareColumns, ...estimateOptions } = options;
  const estimates = estimate(survey, rowQuestion, { ...estimateOptions, by: columnQuestion });
  const rows = categoricalAnswers(survey, rowQuestion);
  const cols = categoricalAnswers(survey, columnQuestion);
  const test = survey.designColumns ? designTest(survey, rows, cols, options) : countTest(rows, cols, options);
  return { rowQuestion, columnQuestion, estimates, test, ...(compareColumns ? { columnComparisons: columnComparisons(survey, rowQuestion, columnQuestion, compareColumns) } : {}) };
}

function categoricalAnswers(survey: Survey, questionId: string): CategoricalAnswers {
  const answers = survey.answers.get(questionId) as CodedAnswers;
  if (answers.kind !== "categorical") {
    throw new SurveyError("E_ARGUMENT", `crosstab: question "${questionId}" must be binary, single-choice or Likert (one answer per respondent)`);
  }
  return answers;
}

/** Pearson or Fisher on the table of counts of the respondents who answered both. */
function countTest(rows: CategoricalAnswers, cols: CategoricalAnswers, options: CrosstabOptions): AssociationTest {
  const test = options.test ?? "pearson";
  if (test !== "pearson" && test !== "fisher") {
    throw new SurveyError("E_ARGUMENT", `test ${test} is the Rao–Scott test of a weighted, stratified or clustered design; this survey is a simple random sample: use pearson or fisher`);
  }
  const tally = tallyAnswers(rows, cols);
  const k = rows.categories.length;
  const full = rows.categories.map((_, r) => cols.categories.map((__, c) => tally.counts[c * k + r] as number));
  const keptRows = full.flatMap((row, r) => (row.some((count) => count > 0) ? [r] : []));
  const keptCols = cols.categories.flatMap((_, c) => (full.some((row) => (row[c] as number) > 0) ? [c] : []));
  const rowLevels = keptRows.map((r) => rows.categories[r]!.code);
  const colLevels = keptCols.map((c) => cols.categories[c]!.code);
  assertTwoByTwo(rows, cols, rowLevels, colLevels);
  const table = keptRows.map((r) => keptCols.map((c) => full[r]![c] as number));
  const n = table.flat().reduce((a, b) => a + b, 0);
  if (test === "fisher") {
    const { pValue, simulated } = fisherExactTest(table, options.fisher);
    return { method: "fisher", pValue, ...(simulated ? { simulated } : {}), n, rowLevels, colLevels };
  }
  const result = chiSquareTest(table, { correction: options.correction ?? true });
  return { method: "pearson", statistic: result.statistic, df: result.df, pValue: result.pValue, n, rowLevels, colLevels };
}

/** Rao–Scott on the design (calibrated or replicate-weight too), over the respondents who answered both. */
function designTest(survey: Survey, rows: CategoricalAnswers, cols: CategoricalAnswers, options: CrosstabOptions): AssociationTest {
  const design = survey.designColumns!;
  const test = options.test ?? "F";
  if (test !== "F" && test !== "Chisq") {
    throw new SurveyError("E_ARGUMENT", `test ${test} ignores the design's weights, strata and clusters: use F or Chisq (Rao–Scott)`);
  }
  const label = (answers: CategoricalAnswers) => Array.from(answers.codes, (code) => (code >= 0 ? answers.categories[code]!.code : null));
  const rowIds = label(rows);
  const colIds = label(cols);
  const both = rowIds.map((r, i) => r !== null && colIds[i] !== null);
  const used = (ids: (string | null)[], answers: CategoricalAnswers) => answers.categories.map((c) => c.code).filter((code) => ids.some((id, i) => both[i] && id === code));
  const rowLevels = used(rowIds, rows);
  const colLevels = used(colIds, cols);
  assertTwoByTwo(rows, cols, rowLevels, colLevels);
  const result = designRaoScott(design, survey.rowCount, { rows: rowIds, cols: colIds, rowLevels, colLevels, statistic: test });
  return {
    method: test === "F" ? "rao-scott-F" : "rao-scott-chisq",
    statistic: result.statistic,
    ...(result.df === undefined ? {} : { df: result.df }),
    ...(result.ndf === undefined ? {} : { ndf: result.ndf }),
    ...(result.ddf === undefined ? {} : { ddf: result.ddf }),
    pValue: result.pValue,
    n: both.filter(Boolean).length,
    rowLevels,
    colLevels,
  };
}

function assertTwoByTwo(rows: CategoricalAnswers, cols: CategoricalAnswers, rowLevels: string[], colLevels: string[]): void {
  if (rowLevels.length < 2 || colLevels.length < 2) {
    throw new SurveyError(
      "E_ARGUMENT",
      `crosstab: a test of independence needs two chosen categories in each question; among those who answered both, "${rows.question.id}" has ${rowLevels.length} and "${cols.question.id}" ${colLevels.length}`,
    );
  }
}
