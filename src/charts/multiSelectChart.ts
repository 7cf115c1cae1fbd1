import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { proportionBarChart } from "./barChart";
import { localeTexts } from "./locale";
import { type ChartOptions, resolveChartOptions } from "./options";

/**
 * Each option's share of a multi-select question, with its interval: the bar chart of one
 * question's categories, captioned so no reader adds the bars up to 100 %.
 *
 * @param rows - Estimates of a multi-select question's options.
 * @param options - The options of every chart.
 * @returns A Vega-Lite spec with its data inlined, its caption saying several answers were allowed.
 *
 * @example
 * ```ts
 * import { estimate, loadSurvey, multiSelectChart } from "svyprop";
 *
 * const csv = "networks\nFacebook;Instagram\nFacebook\nLinkedIn;Facebook\nInstagram\n";
 * const survey = await loadSurvey(new TextEncoder().encode(csv), {
 *   codebook: {
 *     questions: [
 *       {
 *         id: "networks", column: "networks", type: "multi", label: "Networks used",
 *         categories: [
 *           { code: "fb", label: "Facebook", values: ["Facebook"] },
 *           { code: "ig", label: "Instagram", values: ["Instagram"] },
 *           { code: "li", label: "LinkedIn", values: ["LinkedIn"] },
 *         ],
 *       },
 *     ],
 *   },
 * });
 * const rows = estimate(survey, "networks");
 * rows.map((row) => row.count); // → [3, 2, 1]
 * multiSelectChart(rows).$schema; // → "https://vega.github.io/schema/vega-lite/v6.json"
 * ```
 */
export function multiSelectChart(rows: readonly Estimate[], options?: ChartOptions): TopLevelSpec {
  const questions = new Set(rows.map((row) => row.question));
  if (questions.size > 1) throw argumentError("rows", "must be the options of one multi-select question", [...questions].join(", "));
  const resolved = resolveChartOptions(options);
  return proportionBarChart(rows, resolved, [localeTexts(resolved.locale).multiSelectNote]);
}
