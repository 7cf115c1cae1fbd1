import type { Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { linearizedRaoScott } from "../stats/design/raoScottTest";
import { CI_METHODS } from "../stats/proportionCI";
import { finalizeDesignTally, type DesignTally, type Tally } from "../tally";
import type { CIMethod, Estimate } from "../types";
import { columnComparisonsFromTallies } from "./columnComparisons";
import type { AssociationTest, Crosstab, CrosstabOptions } from "./crosstab";
import { crosstabQuestionLabel } from "./crosstabQuestion";
import { designTallyOptions } from "./designTallyOptions";
import { estimatesFromDesignTally } from "./estimatesFromDesignTally";
import { estimatesFromTally } from "./estimatesFromTally";
import { countTest, raoScottAssociation, raoScottStatistic, testLevels } from "./independenceTests";
import { localizeLabels } from "./localizeLabels";

/** A crosstab's tallies: what a stream or an engine gives instead of the rows. */
export interface TalliedCrosstab {
  /** The row question's tally split by the column question (`Tally.by`). */
  tally: Tally;
  /**
   * For a weighted, stratified or clustered design, the row question's design tally split by the
   * column question: for each column category g, the columns [answered both ∧ in g, row category
   * 1 ∧ in g, …, row category k ∧ in g], every record in its stratum and PSU.
   */
  designTally?: DesignTally | undefined;
  /** Respondents read: the n of a simple random sample's finite-population correction. */
  rowsRead: number;
}

/**
 * `crosstab` from tallies instead of rows — the row question's counts split by the column
 * question and, on a design, its design tally split the same way — with the same result as
 * `crosstab` on the survey they were counted from: the row question's estimates within each
 * column category (as `estimatesFromTally` / `estimatesFromDesignTally`), the test of
 * independence among the respondents who answered both (Pearson's chi-square, R `chisq.test`,
 * or Fisher's exact test, R `fisher.test`, on the counts; on a design the Rao–Scott test, R
 * `svychisq` — Rao & Scott 1984 — from the linearised covariance of the cell totals), and with
 * `compareColumns` the column comparisons (on a design the difference of two domain proportions
 * with its linearised SE, R `svyttest`). Categories nobody chose are left out of the test.
 * Calibrated and replicate-weight designs, and svyciprop's own interval methods on a simple
 * random sample, need the rows: use `crosstab`.
 *
 * @param tallied - The row question's tally split by the column question, its design tally on a
 *   design, and the number of respondents read.
 * @param codebook - The codebook the tallies were counted with: labels, translations and the design.
 * @param options - As `crosstab`: the interval options, the `test`, Yates' `correction`, Fisher's options and `compareColumns`.
 * @returns The estimates, the test of independence and the column comparisons, as `crosstab` gives them.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` for a question the codebook lacks, `E_ARGUMENT`
 *   for a tally not split by a question, a question that is not categorical, or a test or method
 *   the tallies do not allow.
 *
 * @example
 * ```ts
 * import { crosstabFromTallies, loadDataset, tallyAnswers } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * // Facebook profile by position, counted: residents yes, no; fellows yes, no.
 * const tally = tallyAnswers(survey.answers.get("facebook")!, survey.answers.get("position"));
 * tally.counts; // → [120, 40, 27, 15]
 * // R: chisq.test(matrix(c(120, 40, 27, 15), 2)) gives X-squared = 1.4246, p-value = 0.2327.
 * const table = crosstabFromTallies({ tally, rowsRead: survey.rowCount }, survey.codebook);
 * table.test; // → { method: "pearson", statistic: 1.4246, df: 1, pValue: 0.2327, n: 202 }
 * table.estimates.length; // → 4
 * ```
 */
export function crosstabFromTallies(tallied: TalliedCrosstab, codebook: Codebook, options: CrosstabOptions = {}): Crosstab {
  const { tally, designTally } = tallied;
  if (!tally.by) {
    throw new SurveyError("E_ARGUMENT", `crosstab: the tally of "${tally.question}" must be split by the column question (Tally.by)`);
  }
  const rowQuestion = tally.question;
  const columnQuestion = tally.by.question;
  const label = crosstabQuestionLabel(codebook, rowQuestion);
  crosstabQuestionLabel(codebook, columnQuestion);
  const design = designTallyOptions(codebook, undefined);
  const estimates = localizeLabels(tallyEstimates(tallied, label, codebook, options), codebook, options.locale);
  const test = designTally ? designTallyTest(tally, designTally, design, options) : countTest(tally, options);
  const { compareColumns } = options;
  return {
    rowQuestion,
    columnQuestion,
    estimates,
    test,
    ...(compareColumns ? { columnComparisons: columnComparisonsFromTallies(tally, designTally, { ...compareColumns, ...design }) } : {}),
  };
}

/** The row question's estimates within each column category, as `estimate(survey, row, { by: column })`. */
function tallyEstimates(tallied: TalliedCrosstab, label: string, codebook: Codebook, options: CrosstabOptions): Estimate[] {
  const { tally, designTally, rowsRead } = tallied;
  const { method, level } = options;
  const levelOption = level === undefined ? {} : { level };
  if (designTally) return estimatesFromDesignTally(tally, designTally, label, { ...designTallyOptions(codebook, undefined), ...levelOption, ...(method === undefined ? {} : { method }) });
  if (method !== undefined && !(CI_METHODS as readonly string[]).includes(method)) {
    throw new SurveyError("E_ARGUMENT", `method ${method} on a simple random sample is R svyciprop's, computed from every row: use crosstab on the survey read whole, or one of ${CI_METHODS.join(", ")}`);
  }
  const populationSize = options.populationSize === null ? undefined : (options.populationSize ?? codebook.design?.populationSize);
  return estimatesFromTally(tally, label, {
    ...levelOption,
    ...(method === undefined ? {} : { method: method as CIMethod }),
    ...(populationSize === undefined ? {} : { populationSize, sampleSize: rowsRead }),
  });
}

/**
 * Rao–Scott from the group-keyed design tally: the complete rows are the kept column categories'
 * "answered both" columns, cell (i, j) the row category i ∧ column category j column.
 */
function designTallyTest(tally: Tally, designTally: DesignTally, design: ReturnType<typeof designTallyOptions>, options: CrosstabOptions): AssociationTest {
  const statistic = raoScottStatistic(options);
  const levels = testLevels(tally);
  const answered = (c: number) => c * (1 + tally.categories.length);
  const table = {
    ...levels,
    complete: levels.cols.map(answered),
    cells: levels.cols.flatMap((c) => levels.rows.map((r) => answered(c) + 1 + r)),
  };
  return raoScottAssociation(linearizedRaoScott(finalizeDesignTally(designTally, design.names), table, { ...design, statistic }), statistic, levels);
}
