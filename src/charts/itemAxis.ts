import type { PositionFieldDef } from "vega-lite/types_unstable/channeldef.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";

/**
 * Longest axis label in pixels before Vega truncates it with an ellipsis. Headless Vega has no
 * canvas to measure text and overestimates widths, so the limit is generous.
 */
export const ITEM_LABEL_LIMIT = 400;

/** The band axis that names the bars, in the given order, without a title (the items name themselves). */
export function itemAxis(order: string[]): PositionFieldDef<Field> {
  return {
    field: "item",
    type: "nominal",
    sort: order,
    title: null,
    scale: { paddingInner: 0.25, paddingOuter: 0.15 },
    axis: { labelLimit: ITEM_LABEL_LIMIT, ticks: false, domain: false, labelPadding: 6 },
  };
}
