import type { Layer } from "./specTypes";

/**
 * The three layers of a dot-and-whisker chart (`forestChart`, `meanChart`), over data with the
 * fields lower, upper, the value, labelAt and label: the interval as a whisker, the estimate as a
 * dot (with `valueX`, the value's x channel and its axis), and the label beside the whisker.
 * `placement` puts the rows (y and, for groups, yOffset); `color` is a group encoding, or the
 * single colour of an ungrouped chart.
 */
export function dotWhiskerLayers(options: {
  placement: Record<string, unknown>;
  x: Record<string, unknown>;
  valueX: Record<string, unknown>;
  color: { encoding: Record<string, unknown> } | { mark: { color: string } };
  tooltipField: string;
}): Layer[] {
  const { placement, x, valueX, color, tooltipField } = options;
  const markColor = "mark" in color ? color.mark : {};
  const encodingColor = "encoding" in color ? color.encoding : {};
  return [
    {
      name: "intervals",
      mark: { type: "errorbar", ticks: { size: 6 }, thickness: 1.5, ...markColor },
      encoding: { ...placement, x: { ...x, field: "lower" }, x2: { field: "upper" }, ...encodingColor },
    },
    {
      name: "points",
      mark: { type: "point", filled: true, size: 60, opacity: 1, ...markColor },
      encoding: { ...placement, x: valueX, ...encodingColor, tooltip: { field: tooltipField } },
    },
    {
      name: "labels",
      mark: { type: "text", align: "left", baseline: "middle", dx: 6 },
      encoding: { ...placement, x: { ...x, field: "labelAt" }, text: { field: "label" } },
    },
  ] as Layer[];
}
