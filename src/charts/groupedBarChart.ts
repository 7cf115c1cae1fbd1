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
import { vegaString } from "./vegaString";

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
 *
 * @param rows - Estimates with groups, e.g. `estimate(survey, id, { by })`.
 * @param options - The options of every chart, and the `layout`: "side-by-side" (default) or one panel per group.
 * @returns A Vega-Lite spec with its data inlined.
 *
 * @example
 * ```ts
 * import { estimate, groupedBarChart, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const spec = groupedBarChart(estimate(survey, "facebook", { by: "position" }), { title: "Has a Facebook profile" });
 * JSON.stringify(spec).includes("Has a Facebook profile"); // → true
 * ```
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
    const groupList = `[${groups.map(vegaString).join(", ")}]`;
    return frameChart(
      {
        data: { values: data },
        // Panels by the group's position, named through the header: Vega keys facets by value in a
        // plain object, where a group "__proto__" would vanish; and the order is the groups' own.
        transform: [{ calculate: `indexof(${groupList}, datum.group)`, as: "groupIndex" }],
        facet: {
          column: {
            field: "groupIndex",
            type: "ordinal",
            title: legendTitle,
            header: { labelFontWeight: "bold", labelExpr: `${groupList}[datum.value]` },
          },
        },
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
      encoding: { y, yOffset: { field: "group", type: "nominal", sort: "ascending", scale: { domain: groups } } /* the domain fixes the order; a sort keeps Vega-Lite from writing the groups into a sort expression */ },
      layer: proportionLayers(resolved, {
        field: "group",
        type: "nominal",
        sort: null,
        scale: { domain: groups, range: [...resolved.theme.categoricalPalette] },
        legend: { title: legendTitle, orient: "top", direction: "horizontal", symbolType: "square" },
      }),
    },
    caption,
    resolved,
  );
}
