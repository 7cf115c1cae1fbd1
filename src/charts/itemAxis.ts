import type { PositionFieldDef } from "vega-lite/types_unstable/channeldef.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import { wrapText } from "./caption";

/**
 * Longest axis label in pixels before Vega truncates it with an ellipsis. Headless Vega has no
 * canvas to measure text and overestimates widths, so the limit is generous.
 */
export const ITEM_LABEL_LIMIT = 400;

/** Labels longer than this many characters are broken into lines at spaces. */
export const ITEM_LABEL_WRAP = 48;
/** Height of one line of an axis label, in pixels. */
const LABEL_LINE_HEIGHT = 14;

/** The band step of the item axis: `minimum`, or more when a wrapped label needs the room. */
export function itemStep(order: string[], minimum: number): number {
  const lines = Math.max(1, ...order.map((item) => wrapLabel(item, ITEM_LABEL_WRAP).length));
  return Math.max(minimum, lines * LABEL_LINE_HEIGHT + 10);
}

/**
 * The band axis that names the bars, in the given order, without a title (the items name
 * themselves). Long labels — a full question text with its "(n = 184)" — are broken into lines
 * rather than cut with an ellipsis, through a `labelExpr` lookup, so the data keep the text whole.
 */
export function itemAxis(order: string[]): PositionFieldDef<Field> {
  const long = order.filter((item) => item.length > ITEM_LABEL_WRAP);
  const lines = Object.fromEntries(long.map((item) => [item, wrapLabel(item, ITEM_LABEL_WRAP)]));
  return {
    field: "item",
    type: "nominal",
    sort: order,
    title: null,
    scale: { paddingInner: 0.25, paddingOuter: 0.15 },
    axis: {
      labelLimit: ITEM_LABEL_LIMIT,
      ticks: false,
      domain: false,
      labelPadding: 6,
      ...(long.length > 0 ? { labelExpr: `${JSON.stringify(lines)}[datum.value] || datum.label` } : {}),
    },
  };
}

/** A label's lines: broken at spaces, but never inside a parenthesis such as "(n = 184)". */
export function wrapLabel(text: string, width: number): string[] {
  return wrapText(text, width, / (?![^(]*\))/);
}
