import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { placeBases } from "./bases";
import { captionLines } from "./caption";
import { distinct, groupTitle, itemOrder, toChartData } from "./chartData";
import { frameChart } from "./frame";
import { itemAxis } from "./itemAxis";
import { type ChartOptions, resolveChartOptions } from "./options";
import { proportionLayers } from "./proportionLayers";

/** Subgroups as bars side by side within each item (one colour per group), or as one panel per group. */
export type GroupLayout = "side-by-side" | "faceted";

export interface GroupedBarChartOptions extends ChartOptions {
  /** Default "side-by-side". */
  layout?: GroupLayout;
}

/**
 * Room for one group's bar in the side-by-side layout, in pixels. With a yOffset channel,
 * Vega-Lite applies a height step to the offset band (one group's bar), not to the item.
 */
const GROUP_BAR_STEP = 20;

/**
 * Proportions by subgroup (`row.group`, e.g. residents vs fellows) with their intervals:
 * bars side by side in the groups' colours, or the bar chart repeated in one panel per group.
 */
export function groupedBarChart(rows: readonly Estimate[], options: GroupedBarChartOptions = {}): TopLevelSpec {
  const { layout = "side-by-side", ...chartOptions } = options;
  if (rows.some((row) => row.group === undefined)) throw argumentError("rows", "must all have a group for a grouped chart");
  const resolved = resolveChartOptions(chartOptions);
  const data = placeBases(toChartData(rows, resolved), "group");
  const groups = distinct(data.map((datum) => datum.group));
  const y = itemAxis(itemOrder(data, resolved.order));
  const caption = captionLines(rows, resolved);
  const legendTitle = groupTitle(rows, resolved);

  if (layout === "faceted") {
    const panelWidth = Math.max(120, Math.floor(resolved.width / groups.length));
    return frameChart(
      {
        data: { values: data },
        facet: { column: { field: "group", type: "nominal", sort: groups, title: legendTitle, header: { labelFontWeight: "bold" } } },
        spec: { width: panelWidth, height: resolved.height ?? { step: 30 }, encoding: { y }, layer: proportionLayers(resolved) },
      },
      caption,
      resolved,
    );
  }
  return frameChart(
    {
      data: { values: data },
      width: resolved.width,
      height: resolved.height ?? { step: GROUP_BAR_STEP },
      encoding: { y, yOffset: { field: "group", type: "nominal", sort: groups } },
      layer: proportionLayers(resolved, {
        field: "group",
        type: "nominal",
        sort: groups,
        scale: { domain: groups, range: [...resolved.theme.categoricalPalette] },
        legend: { title: legendTitle, orient: "top", direction: "horizontal", symbolType: "square" },
      }),
    },
    caption,
    resolved,
  );
}
