import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { placeBases } from "./bases";
import { captionLines } from "./caption";
import { distinct, groupTitle, itemOrder, toChartData } from "./chartData";
import { dotWhiskerLayers } from "./dotWhiskerLayers";
import { frameChart } from "./frame";
import { itemAxis, itemStep } from "./itemAxis";
import { localeTexts } from "./locale";
import { type ChartOptions, type ResolvedChartOptions, resolveChartOptions } from "./options";
import type { Layer } from "./specTypes";
import { intervalDigits } from "./percentText";

/** A vertical line to compare the estimates with, e.g. another survey's rate. */
export interface ReferenceLine {
  /** A proportion from 0 to 1. */
  value: number;
  /** The line's label, e.g. "2008 survey". */
  label?: string;
}

/** Options of `forestChart`: those of every chart, and a reference line. */
export interface ForestChartOptions extends ChartOptions {
  /** A vertical line to compare the estimates with. */
  reference?: ReferenceLine;
}

/**
 * Dot-and-whisker comparison of proportions across questions, groups or surveys: a dot at each
 * estimate, its interval as a whisker, "73% (66–78)" beside it, groups told apart by colour
 * and an optional dashed reference line.
 *
 * @param rows - The estimates to compare (one dot each).
 * @param options - The options of every chart, and a `reference` line.
 * @returns A Vega-Lite spec with its data inlined.
 *
 * @example
 * ```ts
 * import { estimate, forestChart, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const rows = estimate(survey, "facebook", { by: "position" }).filter((row) => row.category === "yes");
 * const spec = forestChart(rows, { reference: { value: 0.5, label: "Half" } });
 * JSON.stringify(spec).includes("Half"); // → true
 * ```
 */
export function forestChart(rows: readonly Estimate[], options: ForestChartOptions = {}): TopLevelSpec {
  const { reference, ...chartOptions } = options;
  if (reference !== undefined && !(reference.value >= 0 && reference.value <= 1)) {
    throw argumentError("reference.value", "must be a proportion from 0 to 1", reference.value);
  }
  const resolved = resolveChartOptions(chartOptions);
  const { theme } = resolved;
  const style = { locale: resolved.locale, decimals: resolved.decimals };
  const data = placeBases(
    toChartData(rows, resolved).map((datum, index) => ({ ...datum, label: `${datum.label} (${intervalDigits(rows[index]!, style)})` })),
    "item",
  );
  const order = itemOrder(data, resolved.order);
  const groups = distinct(data.map((datum) => datum.group));
  const grouped = groups.length > 1 || groups[0] !== "";
  const axisTitle = localeTexts(resolved.locale).percentAxisTitle;
  const x = { type: "quantitative", title: axisTitle } as const;
  // Rows are placed per layer, not on the parent, so the reference layers span the whole height.
  const rowPlacement = {
    y: itemAxis(order),
    ...(grouped && { yOffset: { field: "group", type: "nominal", sort: "ascending", scale: { domain: groups } } /* the domain fixes the order; a sort keeps Vega-Lite from writing the groups into a sort expression */ as const }),
  };
  const color = grouped
    ? {
        color: {
          field: "group",
          type: "nominal",
          sort: null,
          scale: { domain: groups, range: [...theme.categoricalPalette] },
          legend: { title: groupTitle(rows, resolved), orient: "top", direction: "horizontal", symbolOpacity: 1 },
        } as const,
      }
    : {};

  return frameChart(
    {
      data: { values: data },
      width: resolved.width,
      // With yOffset the step is one group's row (Vega-Lite steps the offset band).
      height: resolved.height ?? { step: grouped ? 18 : itemStep(order, 28) },
      layer: [
        ...dotWhiskerLayers({
          placement: rowPlacement,
          x,
          valueX: { ...x, field: "proportion", scale: { domain: [0, 1] }, axis: { format: ".0%", tickCount: 5, grid: true } },
          color: grouped ? { encoding: color } : { mark: { color: theme.intervalColor } },
          tooltipField: "summary",
        }),
        ...(reference === undefined ? [] : referenceLayers(reference, resolved)),
      ],
    },
    captionLines(rows, resolved),
    resolved,
  );
}

/** The dashed reference line and its label, written at the top of the plot. */
function referenceLayers(reference: ReferenceLine, options: ResolvedChartOptions): Layer[] {
  const x = { field: "value", type: "quantitative", title: localeTexts(options.locale).percentAxisTitle } as const;
  const data = { values: [{ value: reference.value, label: reference.label ?? "" }] };
  const color = options.theme.mutedTextColor;
  return [
    { name: "reference", data, mark: { type: "rule", strokeDash: [4, 3], color }, encoding: { x } },
    {
      name: "referenceLabel",
      data,
      mark: { type: "text", align: "left", baseline: "bottom", dx: 4, dy: -2, color },
      encoding: { x, y: { value: 0 }, text: { field: "label" } },
    },
  ];
}
