import { localeTexts } from "./locale";
import type { ResolvedChartOptions } from "./options";
import type { ColorEncoding, Layer } from "./specTypes";


/**
 * The three layers of a horizontal proportion bar: the bar, its confidence interval as an
 * error bar with caps, and the value label just past the interval's upper limit (so the label
 * never sits on the error bar). The y encoding (and any yOffset) is set by the caller on the
 * enclosing layer spec; `color` colours the bars, by default in the theme's bar colour.
 * Every layer names the x axis the same, or Vega-Lite would join the titles of its fields.
 */
export function proportionLayers(options: ResolvedChartOptions, color?: ColorEncoding): Layer[] {
  const { theme } = options;
  const texts = localeTexts(options.locale);
  return [
    {
      name: "bars",
      mark: { type: "bar", ...(color === undefined && { color: theme.barColor }) },
      encoding: {
        x: {
          field: "proportion",
          type: "quantitative",
          scale: { domain: [0, 1] },
          // one bar per item and group, so nothing to stack (and no stack order expression over user labels)
          stack: null,
          axis: { format: ".0%", title: texts.percentAxisTitle, tickCount: 5, grid: true },
        },
        ...(color !== undefined && { color }),
        tooltip: { field: "summary" },
      },
    },
    {
      name: "intervals",
      mark: { type: "errorbar", ticks: { size: 7, color: theme.intervalColor }, color: theme.intervalColor, thickness: 1.2 },
      encoding: { x: { field: "lower", type: "quantitative", title: texts.percentAxisTitle }, x2: { field: "upper" } },
    },
    {
      name: "labels",
      mark: { type: "text", align: "left", baseline: "middle", dx: 5 },
      encoding: { x: { field: "labelAt", type: "quantitative", title: texts.percentAxisTitle }, text: { field: "label" } },
    },
  ];
}
