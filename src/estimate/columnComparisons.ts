import { calibratedEstimate, designMeans, designTotal, linearizedVariance, replicateDf, replicateEstimates, replicateVariance, type ReplicateDesign } from "../stats/design";
import { disjointDomainsDf } from "../stats/design/disjointDomainsDf";
import { adjustPValues, type PAdjustment } from "../stats/adjustPValues";
import { studentTwoSidedTail } from "../stats/tails";
import { twoProportionZTest } from "../stats/twoProportionZTest";
import { assertOpenProbability } from "../stats/validate";
import type { CategoricalAnswers, DesignColumns, Survey } from "../survey";
import { finalizeDesignTally, tallyAnswers, type DesignColumnNames, type DesignTally, type LonelyPsu, type Tally } from "../tally";
import { calibrationFor } from "./calibrationOf";
import { groupingOf } from "./estimate";
import { keptLevels } from "./keptLevels";
import { replicateDesignOf } from "./replicateDesignOf";

/** Options of {@link columnComparisons} (and of `crosstab`'s `compareColumns`). */
export interface ColumnComparisonOptions {
  /** Adjustment over each row category's pairs of columns: "holm" (default) or "bonferroni", as R `p.adjust`. */
  adjustment?: PAdjustment;
  /** Significance level of the letters (default 0.05). */
  alpha?: number;
}

/** One pair of columns compared within one row category. */
export interface ColumnPairTest {
  /** The row category (its code) whose proportions are compared. */
  category: string;
  /** The two columns (codes of the column question), `a` before `b` in codebook order. */
  a: string;
  /** The second column of the pair. */
  b: string;
  /** p_a − p_b. */
  difference: number;
  /** The standard error of the difference: pooled (simple random sample), linearised or replicate (design). */
  se: number;
  /** z (simple random sample) or t (design). */
  statistic: number;
  /** The t test's degrees of freedom (design only). */
  df?: number;
  /** The two-sided p-value of the pair, before adjustment. */
  pValue: number;
  /** The p-value adjusted over the row category's pairs (Holm or Bonferroni, as R `p.adjust`). */
  adjustedPValue: number;
}

/** Which columns of a crosstab differ, per row category: the letters of the cells and every pair's test. */
export interface ColumnComparisons {
  /** The test of each pair: the pooled two-proportion z-test, or the design-based t-test. */
  test: "two-proportion z" | "design-based t";
  /** The p-value adjustment within each row category. */
  adjustment: PAdjustment;
  /** The significance level of the letters. */
  alpha: number;
  /** The columns compared (categories of the column question somebody chose) and their letters A, B, C… */
  columns: Array<{
    /** The column's code (a category of the column question). */
    code: string;
    /** Its letter: A for the first column, B for the second… */
    letter: string;
  }>;
  /** Per row category and column: its proportion and the letters of the columns it is significantly greater than. */
  cells: Array<{
    /** The row category's code. */
    category: string;
    /** The column's code. */
    column: string;
    /** The row category's proportion among the column's respondents who answered both questions. */
    proportion: number;
    /** The letters of the columns this cell is significantly greater than ("" if none). */
    letters: string;
  }>;
  /** Every pair of columns within every row category, with its raw and adjusted p-values. */
  pairs: ColumnPairTest[];
}

/**
 * Which columns differ, for each category of the row question: every pair of columns (answers
 * to the column question) is tested for a difference of the row category's proportions, the
 * p-values are adjusted over the row category's pairs (Holm or Bonferroni), and a cell gets the
 * letter of each column it is significantly greater than — the letters survey tables print
 * (column A, B, C… in codebook order). Among the respondents who answered both questions:
 * - simple random sample: the pooled two-proportion z-test (R `prop.test(correct = FALSE)`);
 * - weighted, stratified or clustered design: the difference of the two domain proportions with
 *   its linearised design SE — the influence z_i = 1_a(y_i − p_a)/W_a − 1_b(y_i − p_b)/W_b, W_g
 *   the domain's Σw — and t on the domains' degrees of freedom minus 1, as R `svyttest(I(row ==
 *   k) ~ col, subset(design, col %in% c(a, b)))` (Lumley 2010, Complex Surveys, §2.3 and §5.1);
 * - post-stratified or raked design: the same on the calibrated weights, the SE from the
 *   residuals of w·z from the calibration's cells (R's `svyrecvar`; Lumley 2010 §7.2–7.3);
 * - replicate-weight design: the replicate variance of the difference recomputed with every
 *   replicate's weights (R's `svrVar`), t on the rank of the two columns' replicate weights
 *   minus 2 (R's `degf` of the subset minus 1).
 *
 * @param survey - The survey.
 * @param rowQuestion - The id of the question whose proportions are compared (categorical).
 * @param columnQuestion - The id of the question whose answers are the columns (categorical).
 * @param options - The p-value `adjustment` (default "holm") and the letters' `alpha` (default 0.05).
 * @returns The columns with their letters, each cell's proportion and letters, and every pair's test.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` for a question the codebook lacks, `E_ARGUMENT`
 *   for a question that is not categorical or an `alpha` outside (0, 1).
 *
 * @example
 * ```ts
 * import { columnComparisons, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * // Facebook profile: 120 of 160 residents, 27 of 42 fellows.
 * // R: prop.test(c(120, 27), c(160, 42), correct = FALSE)$p.value gives 0.1650455.
 * const comparisons = columnComparisons(survey, "facebook", "position", { alpha: 0.2 });
 * comparisons.pairs[0]; // → { category: "yes", a: "resident", b: "fellow", difference: 0.1071, pValue: 0.1650455 }
 * comparisons.cells[0]; // → { category: "yes", column: "resident", proportion: 0.75, letters: "B" }
 * ```
 */
export function columnComparisons(survey: Survey, rowQuestion: string, columnQuestion: string, options: ColumnComparisonOptions = {}): ColumnComparisons {
  assertOpenProbability("alpha", options.alpha ?? 0.05);
  const rows = groupingOf(survey, rowQuestion);
  const cols = groupingOf(survey, columnQuestion);
  if (rows.kind !== "categorical" || cols.kind !== "categorical") throw new Error("unreachable: groupingOf returns categorical answers");
  const tally = tallyAnswers(rows, cols);
  if (!survey.designColumns) return compareColumns(tally, countComparer(tally), "two-proportion z", options);
  return compareColumns(tally, tComparer(designDifferences(survey.designColumns, rows, cols)), "design-based t", options);
}

/**
 * `columnComparisons` from the row question's tally split by the column question (`Tally.by`)
 * and, for a weighted, stratified or clustered design, its group-keyed design tally (for group g
 * the columns [answered ∧ in g, category 1 ∧ in g, …]): the same pairs, SEs and df as on the
 * rows — the difference's influence is a linear combination of the four columns of the two
 * groups, and its df the PSUs of the two groups (`disjointDomainsDf`). Calibrated and
 * replicate-weight designs need the rows.
 */
export function columnComparisonsFromTallies(
  tally: Tally,
  designTally: DesignTally | undefined,
  options: ColumnComparisonOptions & { lonelyPsu?: LonelyPsu; names?: DesignColumnNames },
): ColumnComparisons {
  assertOpenProbability("alpha", options.alpha ?? 0.05);
  if (!designTally) return compareColumns(tally, countComparer(tally), "two-proportion z", options);
  return compareColumns(tally, tComparer(designTallyDifferences(designTally, tally.categories.length, options)), "design-based t", options);
}

/** Every pair of kept columns within every kept row category, their adjusted p-values and the cells' letters. */
function compareColumns(tally: Tally, compare: Comparer, test: ColumnComparisons["test"], options: ColumnComparisonOptions): ColumnComparisons {
  const { adjustment = "holm", alpha = 0.05 } = options;
  const rowCategories = tally.categories;
  const colCategories = tally.by!.groups;
  const { rows: rowIndices, cols: columnIndices } = keptLevels(tally);
  const columns = columnIndices.map((c, i) => ({ code: colCategories[c]!.code, letter: columnLetter(i) }));
  const pairs: ColumnPairTest[] = [];
  const cells: ColumnComparisons["cells"] = [];
  for (const r of rowIndices) {
    const category = rowCategories[r]!.code;
    const raw = columnIndices.flatMap((a, i) => columnIndices.slice(i + 1).map((b) => ({ a, b, ...compare.pair(r, a, b) })));
    const adjusted = adjustPValues(raw.map((t) => t.pValue), adjustment);
    const tests = raw.map((t, i) => ({ ...t, adjustedPValue: adjusted[i] as number }));
    columnIndices.forEach((c) => {
      const letters = tests
        .filter((t) => t.adjustedPValue < alpha && ((t.a === c && t.difference > 0) || (t.b === c && t.difference < 0)))
        .map((t) => letterOf(columns, columnIndices, t.a === c ? t.b : t.a))
        .sort()
        .join("");
      cells.push({ category, column: colCategories[c]!.code, proportion: compare.proportion(r, c), letters });
    });
    tests.forEach(({ a, b, ...t }) => pairs.push({ category, a: colCategories[a]!.code, b: colCategories[b]!.code, ...t }));
  }
  return { test, adjustment, alpha, columns, cells, pairs };
}

/** A, B, … Z, then AA, AB, … */
function columnLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : columnLetter(Math.floor(index / 26) - 1) + letter;
}

function letterOf(columns: ColumnComparisons["columns"], columnIndices: number[], c: number): string {
  return columns[columnIndices.indexOf(c)]!.letter;
}

interface Comparer {
  proportion(r: number, c: number): number;
  pair(r: number, a: number, b: number): Omit<ColumnPairTest, "category" | "a" | "b" | "adjustedPValue">;
}

/** The counts of a simple random sample (the row question's tally split by the column question): the pooled z-test. */
function countComparer(tally: Tally): Comparer {
  const k = tally.categories.length;
  const count = (r: number, c: number) => tally.counts[c * k + r] as number;
  const base = (c: number) => tally.bases[c] as number;
  return {
    proportion: (r, c) => count(r, c) / base(c),
    pair: (r, a, b) => twoProportionZTest(count(r, a), base(a), count(r, b), base(b)),
  };
}

/** The difference of two domain proportions, with its SE and df, on one kind of design. */
interface DifferenceTest {
  proportion(r: number, c: number): number;
  difference(r: number, a: number, b: number): { difference: number; se: number; df: number };
}

/** A design: the difference's t-test on the df its design gives, as R `svyttest` (df = degf − 1). */
function tComparer(test: DifferenceTest): Comparer {
  return {
    proportion: test.proportion,
    pair: (r, a, b) => {
      const { difference, se, df } = test.difference(r, a, b);
      if (se === 0) return { difference, se, statistic: 0, df: df - 1, pValue: 1 };
      const statistic = difference / se;
      return { difference, se, statistic, df: df - 1, pValue: studentTwoSidedTail(statistic, df - 1) };
    },
  };
}

/** The rows of a design: linearised (weighted, stratified, clustered, calibrated) or replicate differences. */
function designDifferences(design: DesignColumns, rows: CategoricalAnswers, cols: CategoricalAnswers): DifferenceTest {
  const both = Array.from(rows.codes, (code, i) => code >= 0 && (cols.codes[i] as number) >= 0);
  const indicators = rows.categories.map((_, r) => Float64Array.from(rows.codes, (code) => (code === r ? 1 : 0)));
  const domains = cols.categories.map((_, c) => Uint8Array.from(both, (b, i) => (b && cols.codes[i] === c ? 1 : 0)));
  const replicate = replicateDesignOf(design);
  return replicate ? replicateDifferences(replicate, indicators, domains) : linearizedDifferences(design, indicators, domains);
}

/**
 * A group-keyed design tally of k row categories (group g's columns from g·(1 + k): answered,
 * then each category): p_g = Y_{g,r}/W_g, and the difference's influence
 * 1_a(y − p_a)/W_a − 1_b(y − p_b)/W_b, whose total is the linear combination of the columns
 * (1/W_a on (a, r), −p_a/W_a on a's answered, −1/W_b on (b, r), p_b/W_b on b's answered).
 */
function designTallyDifferences(tally: DesignTally, k: number, options: { lonelyPsu?: LonelyPsu; names?: DesignColumnNames }): DifferenceTest {
  const final = finalizeDesignTally(tally, options.names);
  const answered = (c: number) => c * (1 + k);
  const cell = (r: number, c: number) => answered(c) + 1 + r;
  const proportion = (r: number, c: number) => (final.totals[cell(r, c)] as number) / (final.totals[answered(c)] as number);
  return {
    proportion,
    difference: (r, a, b) => {
      const [pa, pb] = [proportion(r, a), proportion(r, b)];
      const [wa, wb] = [final.totals[answered(a)] as number, final.totals[answered(b)] as number];
      const coefficients = new Float64Array(final.columns);
      coefficients[cell(r, a)] = 1 / wa;
      coefficients[answered(a)] = -pa / wa;
      coefficients[cell(r, b)] = -1 / wb;
      coefficients[answered(b)] = pb / wb;
      const se = Math.sqrt(linearizedVariance(final, coefficients, options));
      return { difference: pa - pb, se, df: disjointDomainsDf(tally, [answered(a), answered(b)]) };
    },
  };
}

/**
 * Weighted, stratified, clustered or calibrated: the SE of the difference is that of the total of
 * the influence z_i = 1_a(y_i − p_a)/W_a − 1_b(y_i − p_b)/W_b over the two columns' rows, from the
 * calibration residuals of w·z on a post-stratified or raked design (R's `svyrecvar`).
 */
function linearizedDifferences(design: DesignColumns, indicators: Float64Array[], domains: Uint8Array[]): DifferenceTest {
  const n = domains[0]?.length ?? 0;
  const calibration = calibrationFor(design, n);
  const { weights: sampling, calibration: _, replicates: __, ...linear } = design;
  const weights = calibration?.weights ?? sampling;
  const weighted = weights === undefined ? linear : { ...linear, weights };
  const means = domains.map((domain) => (domain.some((d) => d === 1) ? designMeans({ ...weighted, ys: indicators, domain }) : []));
  return {
    proportion: (r, c) => means[c]![r]!.estimate,
    difference: (r, a, b) => {
      const [ma, mb] = [means[a]![r]!, means[b]![r]!];
      const [da, db] = [domains[a]!, domains[b]!];
      const y = indicators[r]!;
      const z = new Float64Array(n);
      for (let i = 0; i < n; i += 1) {
        if (da[i]) z[i] = ((y[i] as number) - ma.estimate) / ma.sumWeights;
        else if (db[i]) z[i] = -((y[i] as number) - mb.estimate) / mb.sumWeights;
      }
      const domain = Uint8Array.from(da, (d, i) => d | (db[i] as number));
      const { se, df } = calibration ? calibratedEstimate({ ...linear, y: z, domain, calibration }, "total") : designTotal({ ...weighted, y: z, domain });
      return { difference: ma.estimate - mb.estimate, se, df };
    },
  };
}

/**
 * Replicate weights: the replicate variance of the difference recomputed with each replicate's
 * weights (R's `svyglm` refit on every replicate, `svrVar`), on the rank of the two columns' rows'
 * replicate weights minus one (`degf` of the subset).
 */
function replicateDifferences(design: ReplicateDesign, indicators: Float64Array[], domains: Uint8Array[]): DifferenceTest {
  const means = domains.map((domain) => (domain.some((d) => d === 1) ? replicateEstimates(design, indicators, domain, "mean") : []));
  return {
    proportion: (r, c) => means[c]![r]!.estimate,
    difference: (r, a, b) => {
      const [ma, mb] = [means[a]![r]!, means[b]![r]!];
      const difference = ma.estimate - mb.estimate;
      const thetas = ma.thetas.map((theta, k) => theta - (mb.thetas[k] as number));
      const domain = Uint8Array.from(domains[a]!, (d, i) => d | (domains[b]![i] as number));
      return { difference, se: Math.sqrt(replicateVariance(thetas, difference, design)), df: replicateDf(design.replicates, domain) };
    },
  };
}
