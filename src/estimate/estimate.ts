import type { CategoryInfo } from "../codebook";
import { SurveyError } from "../errors";
import { proportionCI } from "../stats/proportionCI";
import type { CodedAnswers, Survey } from "../survey";
import { tallyAnswers } from "../tally";
import type { CIMethod, Estimate } from "../types";

export interface EstimateOptions {
  /** Interval method (default "wilson"). */
  method?: CIMethod;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Id of a categorical question to split by (e.g. "position"): one row per category and group. */
  by?: string;
  /**
   * Population size for the finite-population correction; default the design's
   * `populationSize`. Pass `null` to estimate without it.
   */
  populationSize?: number | null;
}

/**
 * One Estimate row per category (and per group with `by`) of a question: the unweighted count
 * among the respondents who answered, that base, and the proportion's confidence interval.
 *
 * Finite population: with a design `populationSize` N and n respondents, each base n_d is a
 * domain of a simple random sample with sampling fraction f = n/N, so its interval uses the
 * population size N·n_d/n — the domain estimator of Cochran (1977, §2.13), which is what R
 * survey computes for `svyciprop` on a subset of an SRS design with `fpc`.
 */
export function estimate(survey: Survey, questionId: string, options: EstimateOptions = {}): Estimate[] {
  const answers = answersOf(survey, questionId);
  if (answers.kind === "numeric") {
    throw new SurveyError("E_ARGUMENT", `question "${questionId}" is numeric: it has no categories to estimate proportions of`);
  }
  const by = options.by === undefined ? undefined : groupingOf(survey, options.by);
  const tally = tallyAnswers(answers, by);
  const populationSize = options.populationSize === null ? undefined : (options.populationSize ?? survey.design.populationSize);
  const groups: Array<CategoryInfo | undefined> = tally.by ? tally.by.groups : [undefined];
  const k = tally.categories.length;
  const questionLabel = answers.question.label ?? answers.question.id;

  return groups.flatMap((group, g) => {
    const base = tally.bases[g] as number;
    if (base === 0) return [];
    const domainPopulation = populationSize === undefined ? undefined : (populationSize * base) / survey.rowCount;
    return tally.categories.map((category, c): Estimate => {
      const count = tally.counts[g * k + c] as number;
      const interval = proportionCI(count, base, {
        ...(options.method === undefined ? {} : { method: options.method }),
        ...(options.level === undefined ? {} : { level: options.level }),
        ...(domainPopulation === undefined ? {} : { populationSize: domainPopulation }),
      });
      return {
        question: questionId,
        questionLabel,
        category: category.code,
        categoryLabel: category.label,
        ...(group && tally.by ? { group: { [tally.by.question]: group.code } } : {}),
        count,
        base,
        proportion: interval.estimate,
        lower: interval.lower,
        upper: interval.upper,
        level: interval.level,
        method: interval.method,
        ...(domainPopulation === undefined ? {} : { populationSize: domainPopulation }),
      };
    });
  });
}

function answersOf(survey: Survey, questionId: string): CodedAnswers {
  const answers = survey.answers.get(questionId);
  if (!answers) {
    const known = [...survey.answers.keys()].join(", ");
    throw new SurveyError("E_UNKNOWN_QUESTION", `no question "${questionId}" in the codebook; questions are: ${known}`);
  }
  return answers;
}

function groupingOf(survey: Survey, questionId: string): CodedAnswers {
  const answers = answersOf(survey, questionId);
  if (answers.kind !== "categorical") {
    throw new SurveyError("E_ARGUMENT", `by: question "${questionId}" must be binary, single-choice or Likert to split by`);
  }
  return answers;
}
