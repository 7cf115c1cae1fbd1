import type { CategoryInfo } from "../codebook";
import { groupingQuestion, numericQuestion, unknownQuestion } from "../codebook/groupingQuestion";
import { SurveyError } from "../errors";
import { CI_METHODS } from "../stats/proportionCI";
import { SURVEY_CI_METHODS, type SurveyCIMethod } from "../stats/surveyProportionCI";
import type { CodedAnswers, DesignColumns, Survey } from "../survey";
import { tallyAnswers } from "../tally";
import type { CIMethod, Estimate } from "../types";
import { designCells } from "./estimateWithDesign";
import { localizeLabels } from "./localizeLabels";
import { estimateIdentity, estimatesFromTally } from "./estimatesFromTally";

/** Options of `estimate`: interval method and level, grouping, population size and language. */
export interface EstimateOptions {
  /**
   * Interval method: for a simple random sample one of `proportionCI`'s (default "wilson"); for a
   * weighted, stratified or clustered design one of R svyciprop's (default "logit").
   */
  method?: CIMethod | SurveyCIMethod;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Id of a categorical question to split by (e.g. "position"): one row per category and group. */
  by?: string;
  /**
   * Population size for the finite-population correction; default the design's
   * `populationSize`. Pass `null` to estimate without it.
   */
  populationSize?: number | null;
  /** Labels in this language ("fr-FR") where the codebook's `translations` give them (see `localizeLabels`). */
  locale?: string;
}

/**
 * One Estimate row per category (and per group with `by`) of a question: the unweighted count
 * among the respondents who answered, that base, and the proportion's confidence interval.
 *
 * Finite population: with a design `populationSize` N and n respondents, each base n_d is a
 * domain of a simple random sample with sampling fraction f = n/N, so its interval uses the
 * population size N·n_d/n — the domain estimator of Cochran (1977, §2.13), which is what R
 * survey computes for `svyciprop` on a subset of an SRS design with `fpc`.
 *
 * Complex designs: when the design names weight, stratum, cluster or fpc columns, proportions are
 * weighted and their intervals design-based (see `designCells`), as R `svyciprop` / `svyby`.
 * A simple random sample asked for one of svyciprop's own methods ("xlogit", "beta", "mean",
 * "asin", "likelihood") takes the same path with R's `svydesign(ids = ~1, fpc = ~N)`: t
 * quantiles with n − 1 df, each base a domain of the whole sample.
 *
 * @param survey - The survey, from `loadSurvey`, `loadDataset` or `surveyFromTable`.
 * @param questionId - The question's id in the codebook (binary, single, multi or Likert).
 * @param options - Interval method and level, `by` (a question to split by), the population size
 *   (default the design's; `null` for none) and the labels' `locale`.
 * @returns One row per category, or per group and category with `by`, in codebook order.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` for an unknown id, `E_ARGUMENT` for a numeric
 *   question (use `estimateMean`), a bad grouping question, method or level.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * // The codebook gives the 405 people emailed, so the interval is corrected for the finite population.
 * estimate(survey, "real_name");
 * // → [{ category: "yes", count: 138, base: 140, proportion: 0.9857, lower: 0.9638, upper: 0.9944, method: "wilson" },
 * //    { category: "no", count: 2, base: 140 }]
 * // Without the correction, the Wilson interval of 138/140:
 * estimate(survey, "real_name", { populationSize: null })[0]; // → { lower: 0.9494, upper: 0.9961 }
 * ```
 */
export function estimate(survey: Survey, questionId: string, options: EstimateOptions = {}): Estimate[] {
  return localizeLabels(estimateRows(survey, questionId, options), survey.codebook, options.locale);
}

function estimateRows(survey: Survey, questionId: string, options: EstimateOptions): Estimate[] {
  const answers = answersOf(survey, questionId);
  if (answers.kind === "numeric") {
    throw numericQuestion(questionId);
  }
  const by = options.by === undefined ? undefined : groupingOf(survey, options.by);
  const tally = tallyAnswers(answers, by);
  const questionLabel = answers.question.label ?? answers.question.id;
  const populationSize = options.populationSize === null ? undefined : (options.populationSize ?? survey.design.populationSize);
  const known = [...CI_METHODS, ...SURVEY_CI_METHODS.filter((m) => !(CI_METHODS as readonly string[]).includes(m))];
  if (options.method !== undefined && !(known as readonly string[]).includes(options.method)) {
    throw new SurveyError("E_ARGUMENT", `method must be one of ${known.join(", ")} (got ${options.method})`);
  }
  const design = survey.designColumns ?? (isSurveyOnlyMethod(options.method) ? simpleRandomSampleDesign(populationSize) : undefined);
  if (!design) {
    return estimatesFromTally(tally, questionLabel, {
      ...(options.method === undefined ? {} : { method: options.method as CIMethod }),
      ...(options.level === undefined ? {} : { level: options.level }),
      // n: every record read, as the stream's `rowsRead` (a ragged record too, though it is no respondent of a design)
      ...(populationSize === undefined ? {} : { populationSize, sampleSize: survey.report.rowsRead }),
    });
  }
  const groups: Array<CategoryInfo | undefined> = tally.by ? tally.by.groups : [undefined];
  return groups.flatMap((group, g) => {
    if (tally.bases[g] === 0) return [];
    const inGroup = by ? (row: number) => by.codes[row] === g : () => true;
    return designCells(answers, design, inGroup, options).map((cell, c) => ({
      ...estimateIdentity(tally, questionLabel, tally.categories[c] as CategoryInfo, group),
      ...cell,
    }));
  });
}

/** A svyciprop method that `proportionCI` does not have ("logit" means proportionCI's there). */
function isSurveyOnlyMethod(method: EstimateOptions["method"]): boolean {
  return method !== undefined && (SURVEY_CI_METHODS as readonly string[]).includes(method) && !(CI_METHODS as readonly string[]).includes(method);
}

/**
 * R `svydesign(ids = ~1, fpc = ~N)`, or `ids = ~1` alone without a population size.
 *
 * @param populationSize - The population size N, if known.
 * @returns The design columns of a simple random sample.
 *
 * @example
 * ```ts
 * import { simpleRandomSampleDesign } from "svyprop";
 *
 * simpleRandomSampleDesign(405); // → { fpc: 405 }
 * simpleRandomSampleDesign(undefined).fpc; // → undefined
 * ```
 */
export function simpleRandomSampleDesign(populationSize: number | undefined): DesignColumns {
  return { ...(populationSize === undefined ? {} : { fpc: populationSize }), names: {} };
}

/**
 * One question's coded answers.
 *
 * @param survey - The survey.
 * @param questionId - The question's id.
 * @returns Its coded answers.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION`, listing the questions, when there is none of that id.
 *
 * @example
 * ```ts
 * import { answersOf, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * answersOf(survey, "real_name").kind; // → "categorical"
 * ```
 */
export function answersOf(survey: Survey, questionId: string): CodedAnswers {
  const answers = survey.answers.get(questionId);
  if (!answers) throw unknownQuestion(questionId, [...survey.answers.keys()]);
  return answers;
}

/**
 * The coded answers of a question to split by: it must be categorical (binary, single or Likert).
 *
 * @param survey - The survey.
 * @param questionId - The grouping question's id.
 * @returns Its coded answers.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` for an unknown id, `E_ARGUMENT` for a multi-select or numeric question.
 *
 * @example
 * ```ts
 * import { groupingOf, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * groupingOf(survey, "position").categories.map((category) => category.code); // → ["resident", "fellow"]
 * ```
 */
export function groupingOf(survey: Survey, questionId: string): CodedAnswers {
  groupingQuestion(survey.codebook, questionId);
  return answersOf(survey, questionId);
}
