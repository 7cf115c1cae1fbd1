import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { placeBases } from "./bases";
import { captionLines } from "./caption";
import { type ChartDatum, distinct, toChartData } from "./chartData";
import { frameChart } from "./frame";
import { type ChartOptions, resolveChartOptions } from "./options";
import { segmentLayers, stackSegments } from "./segments";

/**
 * 100 % stacked bars of single-choice questions: one bar per question (and per group, when rows
 * have groups), each answer a segment in the categorical palette, percentages written inside.
 * Intervals are not drawn (a stack cannot show them honestly); the caption points to the table.
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

/**
 * Names each stacked bar: by group when the rows answer one question, by question when there
 * are no groups, by both otherwise. Used by the stacked and the Likert chart.
 */
export function nameBars(data: readonly ChartDatum[]): ChartDatum[] {
  const oneQuestion = new Set(data.map((datum) => datum.question)).size === 1;
  const hasGroups = data.some((datum) => datum.group !== "");
  return data.map((datum) => ({
    ...datum,
    item: oneQuestion && hasGroups ? datum.group : hasGroups ? `${datum.questionLabel}, ${datum.group}` : datum.questionLabel,
  }));
}
