import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { captionLines } from "./caption";
import { itemOrder, toChartData } from "./chartData";
import { placeBases } from "./bases";
import { frameChart } from "./frame";
import { type ChartOptions, type ResolvedChartOptions, resolveChartOptions } from "./options";
import { proportionLayers } from "./proportionLayers";
import { itemAxis, itemStep } from "./itemAxis";

/**
 * Horizontal bars of proportions with their confidence intervals, sorted, on a percent axis,
 * with value labels, the base ("n = 140") and the interval level and method in the caption.
 *
 * @param rows - The estimates to draw, e.g. from `estimate` (one bar per category, or per group and category).
 * @param options - Locale, title, which intervals and bases to show, order, theme (see `ChartOptions`).
 * @returns A Vega-Lite spec with its data inlined (render it with `renderSvg` or any Vega-Lite viewer).
 *
 * @example
 * ```ts
 * import { barChart, estimate, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const spec = barChart(estimate(survey, "real_name"), { locale: "fr-FR" });
 * spec.$schema; // → "https://vega.github.io/schema/vega-lite/v6.json"
 * // The interval, as its label reads in French ("IC 95 % 96–99"):
 * JSON.stringify(spec).includes("96–99"); // → true
 * ```
 */
export function barChart(rows: readonly Estimate[], options?: ChartOptions): TopLevelSpec {
  return proportionBarChart(rows, resolveChartOptions(options), []);
}

/** The bar chart with extra caption notes: shared by `barChart` and `multiSelectChart`. */
export function proportionBarChart(rows: readonly Estimate[], resolved: ResolvedChartOptions, notes: string[]): TopLevelSpec {
  const data = placeBases(toChartData(rows, resolved), "item");
  const order = itemOrder(data, resolved.order);
  return frameChart(
    {
      data: { values: data },
      width: resolved.width,
      height: resolved.height ?? { step: itemStep(order, 30) },
      encoding: { y: itemAxis(order) },
      layer: proportionLayers(resolved),
    },
    captionLines(rows, resolved, { notes }),
    resolved,
  );
}

