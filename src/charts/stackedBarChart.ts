import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { placeBases } from "./bases";
import { captionLines } from "./caption";
import { distinct, toChartData } from "./chartData";
import { nameBars } from "./barNames";
import { frameChart } from "./frame";
import { type ChartOptions, resolveChartOptions } from "./options";
import { segmentLayers, stackSegments } from "./segments";

/**
 * 100 % stacked bars of single-choice questions: one bar per question (and per group, when rows
 * have groups), each answer a segment in the categorical palette, percentages written inside.
 * Intervals are not drawn (a stack cannot show them honestly); the caption points to the table.
 *
 * @param rows - Estimates of single-choice (or binary, Likert) questions, every category of each.
 * @param options - The options of every chart.
 * @returns A Vega-Lite spec with its data inlined.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset, stackedBarChart } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const spec = stackedBarChart(estimate(survey, "friend_request"));
 * spec.$schema; // → "https://vega.github.io/schema/vega-lite/v6.json"
 * ```
 */
export function stackedBarChart(rows: readonly Estimate[], options?: ChartOptions): TopLevelSpec {
  const resolved = resolveChartOptions(options);
  const data = placeBases(nameBars(toChartData(rows, resolved)), "item");
  const colors = resolved.theme.categoricalPalette;
  const segments = stackSegments(data, colors, resolved, () => 0);
  return frameChart(
    {
      data: { values: segments },
      width: resolved.width,
      height: resolved.height ?? { step: 34 },
      layer: segmentLayers(segments, colors, resolved, { order: distinct(segments.map((segment) => segment.item)), domain: [0, 1] }),
    },
    captionLines(rows, resolved, { showsIntervals: false }),
    resolved,
  );
}
