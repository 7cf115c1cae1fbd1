import type { TopLevelSpec } from "vega-lite";
import type { QuestionType } from "../codebook";
import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { barChart } from "./barChart";
import { forestChart } from "./forestChart";
import { groupedBarChart } from "./groupedBarChart";
import { likertChart } from "./likertChart";
import { multiSelectChart } from "./multiSelectChart";
import type { ChartOptions } from "./options";
import { stackedBarChart } from "./stackedBarChart";

/** The chart kinds by name, as the command line and report generators choose them. */
export const CHART_KINDS = {
  bar: barChart,
  grouped: groupedBarChart,
  stacked: stackedBarChart,
  likert: likertChart,
  forest: forestChart,
  multi: multiSelectChart,
} as const satisfies Record<string, (rows: readonly Estimate[], options?: ChartOptions) => TopLevelSpec>;

export type ChartKind = keyof typeof CHART_KINDS;

/** The chart of `kind` for the rows; an unknown kind is an `E_ARGUMENT` naming the known ones. */
export function chartOfKind(kind: string, rows: readonly Estimate[], options?: ChartOptions): TopLevelSpec {
  if (!(kind in CHART_KINDS)) throw argumentError("chart type", `must be one of ${Object.keys(CHART_KINDS).join(", ")}`, kind);
  return CHART_KINDS[kind as ChartKind](rows, options);
}

/** The chart a question type reads best as: Likert diverging, multi-select bars, subgroups side by side, else bars. */
export function defaultChartKind(questionType: QuestionType, grouped: boolean): ChartKind {
  if (questionType === "likert") return "likert";
  if (grouped) return "grouped";
  return questionType === "multi" ? "multi" : "bar";
}
