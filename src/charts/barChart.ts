import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { captionLines } from "./caption";
import { type ChartDatum, commonBase, itemOrder, toChartData } from "./chartData";
import { frameChart } from "./frame";
import { type ChartOptions, resolveChartOptions } from "./options";
import { proportionLayers } from "./proportionLayers";
import { itemAxis } from "./itemAxis";

/**
 * Horizontal bars of proportions with their confidence intervals, sorted, on a percent axis,
 * with value labels, the base ("n = 140") and the interval level and method in the caption.
 *
 * @example barChart(estimate(survey, "patient_request"), { locale: "fr-FR", title: "…" })
 */
export function barChart(rows: readonly Estimate[], options?: ChartOptions): TopLevelSpec {
  const resolved = resolveChartOptions(options);
  const data = withBaseOnAxis(rows, toChartData(rows, resolved));
  return frameChart(
    {
      data: { values: data },
      width: resolved.width,
      height: resolved.height ?? { step: 30 },
      encoding: { y: itemAxis(itemOrder(data, resolved.order)) },
      layer: proportionLayers(resolved),
    },
    captionLines(rows, resolved),
    resolved,
  );
}

/** When the bars have different bases, each axis label names its own: "Position (n = 138)". */
function withBaseOnAxis(rows: readonly Estimate[], data: ChartDatum[]): ChartDatum[] {
  if (commonBase(rows) !== undefined) return data;
  return data.map((datum) => ({ ...datum, item: `${datum.item} (${datum.baseText})` }));
}
