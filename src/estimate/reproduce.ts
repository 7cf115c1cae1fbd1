import type { PublishedFigures, Survey } from "../survey";
import type { Estimate } from "../types";
import { compareWithPublished, type FigureComparison } from "./compareWithPublished";
import { estimate, type EstimateOptions } from "./estimate";

/** What `reproduce` found: the estimates, each published figure set against them, and whether all were reproduced. */
export interface Reproduction {
  /** Whole-sample Estimate rows of every categorical question. */
  estimates: Estimate[];
  /** Each published figure against the data. */
  comparisons: FigureComparison[];
  /** True when every figure the data can carry is reproduced to the printed digit. */
  allReproduced: boolean;
}

/**
 * Estimates every categorical question of a survey and compares them with the published figures.
 *
 * @param survey - The survey.
 * @param published - The source's printed figures (a dataset's `published.json`).
 * @param options - The interval options of `estimate` (the figures are compared on counts and
 *   rounded percentages, which the interval does not change).
 * @returns The estimates, each figure's comparison, and whether every reproducible figure was reproduced.
 *
 * @example
 * ```ts
 * import { loadDataset, reproduce } from "svyprop";
 *
 * const { survey, published } = await loadDataset("moubarak-2009");
 * const { allReproduced, comparisons } = reproduce(survey, published);
 * allReproduced; // → true
 * comparisons.find((c) => c.figure.key === "real_name")?.verdict; // → "reproduced"
 * ```
 */
export function reproduce(survey: Survey, published: PublishedFigures, options: Omit<EstimateOptions, "by"> = {}): Reproduction {
  const estimates = survey.codebook.questions
    .filter((question) => question.type !== "numeric")
    .flatMap((question) => estimate(survey, question.id, options));
  const comparisons = compareWithPublished(published.figures, estimates, {
    respondents: survey.rowCount,
    ...(survey.design.populationSize === undefined ? {} : { populationSize: survey.design.populationSize }),
  });
  return {
    estimates,
    comparisons,
    allReproduced: comparisons.every((c) => c.verdict !== "differs"),
  };
}
