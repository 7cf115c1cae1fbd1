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

/** Estimates every categorical question of a survey and compares them with the published figures. */
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
