import type { FisherExactTestOptions } from "../stats/fisherExactTest";
import type { CategoricalAnswers, Survey } from "../survey";
import { tallyAnswers, type Tally } from "../tally";
import type { Estimate } from "../types";
import { crosstabQuestionLabel } from "./crosstabQuestion";
import { columnComparisons, type ColumnComparisonOptions, type ColumnComparisons } from "./columnComparisons";
import { designRaoScott } from "./designRaoScott";
import { estimate, type EstimateOptions } from "./estimate";
import { countTest, raoScottAssociation, raoScottStatistic, testLevels } from "./independenceTests";

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
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` for a question the codebook lacks, `E_ARGUMENT` for
 *   one that is not binary, single-choice or Likert, or for a test the design does not allow.
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
  crosstabQuestionLabel(survey.codebook, rowQuestion);
  crosstabQuestionLabel(survey.codebook, columnQuestion);
  const { test: _, correction: __, fisher: ___, compareColumns, ...estimateOptions } = options;
  const estimates = estimate(survey, rowQuestion, { ...estimateOptions, by: columnQuestion });
  const rows = categoricalAnswers(survey, rowQuestion);
  const cols = categoricalAnswers(survey, columnQuestion);
  const tally = tallyAnswers(rows, cols);
  const test = survey.designColumns ? designTest(survey, rows, cols, tally, options) : countTest(tally, options);
  return { rowQuestion, columnQuestion, estimates, test, ...(compareColumns ? { columnComparisons: columnComparisons(survey, rowQuestion, columnQuestion, compareColumns) } : {}) };
}

/** A question's coded answers, categorical (`crosstabQuestionLabel` refused any other before). */
function categoricalAnswers(survey: Survey, questionId: string): CategoricalAnswers {
  return survey.answers.get(questionId) as CategoricalAnswers;
}

/** Rao–Scott on the design (calibrated or replicate-weight too), over the respondents who answered both. */
function designTest(survey: Survey, rows: CategoricalAnswers, cols: CategoricalAnswers, tally: Tally, options: CrosstabOptions): AssociationTest {
  const statistic = raoScottStatistic(options);
  const levels = testLevels(tally);
  const label = (answers: CategoricalAnswers) => Array.from(answers.codes, (code) => (code >= 0 ? answers.categories[code]!.code : null));
  const { rowLevels, colLevels } = levels;
  const result = designRaoScott(survey.designColumns!, survey.rowCount, { rows: label(rows), cols: label(cols), rowLevels, colLevels, statistic });
  return raoScottAssociation(result, statistic, levels);
}
