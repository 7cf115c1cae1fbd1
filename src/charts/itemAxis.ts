import type { PositionFieldDef } from "vega-lite/types_unstable/channeldef.js";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import { wrapText } from "./caption";
import { vegaString } from "./vegaString";

/**
 * Longest axis label in pixels before Vega truncates it with an ellipsis. Headless Vega has no
 * canvas to measure text and overestimates widths, so the limit is generous.
 */
const ITEM_LABEL_LIMIT = 400;

/** Labels longer than this many characters are broken into lines at spaces. */
const ITEM_LABEL_WRAP = 48;
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
 * The order is the scale's domain rather than a `sort` array: Vega-Lite compiles a sort array into
 * an expression holding every label, and Vega misreads some texts there (see `vegaString`).
 */
export function itemAxis(order: string[]): PositionFieldDef<Field> {
  const long = order.filter((item) => item.length > ITEM_LABEL_WRAP);
  return {
    field: "item",
    type: "nominal",
    sort: null,
    title: null,
    scale: { domain: order, paddingInner: 0.25, paddingOuter: 0.15 },
    axis: {
      labelLimit: ITEM_LABEL_LIMIT,
      ticks: false,
      domain: false,
      labelPadding: 6,
      ...(long.length > 0 ? { labelExpr: wrappedLabelExpr(long) } : {}),
    },
  };
}

/**
 * The lines of each long label, looked up by position (never by the label as an object key, which
 * "constructor" or "__proto__" would turn into a prototype lookup); other labels stay as they are.
 */
function wrappedLabelExpr(long: readonly string[]): string {
  const list = (texts: readonly string[]) => `[${texts.map(vegaString).join(", ")}]`;
  const position = `indexof(${list(long)}, datum.value)`;
  return `${position} >= 0 ? [${long.map((item) => list(wrapLabel(item, ITEM_LABEL_WRAP))).join(", ")}][${position}] : datum.label`;
}

/** A label's lines: broken at spaces, but never inside a parenthesis such as "(n = 184)". */
export function wrapLabel(text: string, width: number): string[] {
  return wrapText(text, width, / (?![^(]*\))/);
}
