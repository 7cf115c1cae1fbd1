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
 * @example barChart(estimate(survey, "patient_request"), { locale: "fr-FR", title: "…" })
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

