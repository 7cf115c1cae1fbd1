import { readFileSync } from "node:fs";
import { rSurveyReference } from "../../paths";

/** Typed access to reference.json (see README.md beside it): values generated with R survey. */

export interface CalibrationCase {
  dataset: string;
  calibration: "postStratify(group)" | "rake(group, cat)" | "rake(group, cat) epsilon=1e-9 maxit=100";
  group_levels: string[];
  group_counts: number[];
  cat_levels: string[];
  cat_counts: number[];
  weights: number[];
  mean: [number];
  mean_se: [number];
  total: [number];
  total_se: [number];
  by_cat_groups: string[];
  by_cat_estimate: number[];
  by_cat_se: number[];
  degf: [number];
  logit_lower: [number];
  logit_upper: [number];
  likelihood_lower: [number];
  likelihood_upper: [number];
}

export interface NaRmCase {
  dataset: string;
  analysis: "svymean na.rm";
  missing_every: number;
  estimate: [number];
  se: [number];
  degf: [number];
}

export interface DomainLikelihoodCase {
  dataset: string;
  analysis: "svyby svyciprop likelihood";
  by: string;
  level: [number];
  groups: string[];
  estimate: number[];
  lower: number[];
  upper: number[];
}

const reference = JSON.parse(readFileSync(rSurveyReference("reference.json"), "utf8")) as { survey: string; cases: Record<string, unknown>[] };

/** The survey package version that made the file. */
export const referenceSurveyVersion = reference.survey;
export const calibrationCases = reference.cases.filter((c) => "calibration" in c) as unknown as CalibrationCase[];
export const naRmCases = reference.cases.filter((c) => c.analysis === "svymean na.rm") as unknown as NaRmCase[];
export const domainLikelihoodCases = reference.cases.filter((c) => c.analysis === "svyby svyciprop likelihood") as unknown as DomainLikelihoodCase[];

/** A margin's population counts as { level: count }. */
export const populationOf = (levels: readonly string[], counts: readonly number[]): Record<string, number> =>
  Object.fromEntries(levels.map((level, i) => [level, counts[i]!]));
