import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { proportionBarChart } from "./barChart";
import { localeTexts } from "./locale";
import { type ChartOptions, resolveChartOptions } from "./options";

/**
 * Each option's share of a multi-select question, with its interval: the bar chart of one
 * question's categories, captioned so no reader adds the bars up to 100 %.
 */
export function multiSelectChart(rows: readonly Estimate[], options?: ChartOptions): TopLevelSpec {
  const questions = new Set(rows.map((row) => row.question));
  if (questions.size > 1) throw argumentError("rows", "must be the options of one multi-select question", [...questions].join(", "));
  const resolved = resolveChartOptions(options);
  return proportionBarChart(rows, resolved, [localeTexts(resolved.locale).multiSelectNote]);
}
