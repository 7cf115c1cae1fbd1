import { argumentError } from "../errors";
import { type ChartDatum, distinct } from "./chartData";
import { localeTexts } from "./locale";
import type { ResolvedChartOptions } from "./options";
import type { Layer } from "./specTypes";
import { itemAxis } from "./itemAxis";
import { textColorOn } from "./theme";

/** A data value of a stacked bar: the row and where its segment starts and ends on the axis. */
export interface SegmentDatum extends ChartDatum {
  start: number;
  end: number;
  middle: number;
  /** Colour of the label, readable on the segment's fill. */
  textColor: string;
}


/** The axes of stacked segments: the bars' order, the percent axis's extent, and a label expression where the default format will not do. */
export interface SegmentAxes {
  order: string[];
  domain: [number, number];
  labelExpr?: string;
}

/** Narrowest segment that gets a value label (a share of the axis); thinner ones leave it to the tooltip. */
const MIN_LABELLED_SEGMENT = 0.06;

/**
 * Lays the categories of each bar (`item`) end to end in category order, the bar starting at
 * `offset(bar segments)`: 0 for a 100 % stacked bar, minus the negative side for a diverging one.
 * The colours are assigned to categories in order of first appearance.
 */
export function stackSegments(
  data: readonly ChartDatum[],
  colors: readonly string[],
  options: ResolvedChartOptions,
  offset: (segments: readonly ChartDatum[]) => number,
): SegmentDatum[] {
  const categories = distinct(data.map((datum) => datum.categoryLabel));
  return distinct(data.map((datum) => datum.item)).flatMap((item) => {
    const segments = data.filter((datum) => datum.item === item);
    checkComplete(item, segments);
    let position = offset(segments);
    return segments
      .sort((a, b) => categories.indexOf(a.categoryLabel) - categories.indexOf(b.categoryLabel))
      .map((datum) => {
        const start = position;
        position += datum.proportion;
        const fill = colors[categories.indexOf(datum.categoryLabel) % colors.length]!;
        return { ...datum, start, end: position, middle: (start + position) / 2, textColor: textColorOn(fill, options.theme) };
      });
  });
}

/**
 * The layers of stacked bars: segments coloured by category (legend in category order) and
 * their percentages written inside when there is room.
 */
export function segmentLayers(
  data: readonly SegmentDatum[],
  colors: readonly string[],
  options: ResolvedChartOptions,
  axis: SegmentAxes,
): Layer[] {
  const categories = distinct(data.map((datum) => datum.categoryLabel));
  // The bars are placed in each layer rather than on the parent, so that layers added beside
  // these (the Likert chart's zero line) can span the whole height.
  const y = itemAxis(axis.order);
  return [
    {
      name: "segments",
      mark: { type: "bar", stroke: options.theme.background, strokeWidth: 1 },
      encoding: {
        y,
        x: {
          field: "start",
          type: "quantitative",
          scale: { domain: axis.domain },
          axis: {
            format: ".0%",
            title: localeTexts(options.locale).percentAxisTitle,
            tickCount: 5,
            grid: true,
            ...(axis.labelExpr !== undefined && { labelExpr: axis.labelExpr }),
          },
        },
        x2: { field: "end" },
        color: {
          field: "categoryLabel",
          type: "nominal",
          sort: null,
          scale: { domain: categories, range: categories.map((_, index) => colors[index % colors.length]!) },
          legend: { title: null, orient: "top", direction: "horizontal", symbolType: "square", columns: Math.min(categories.length, 3), labelLimit: 220 },
        },
        tooltip: { field: "summary" },
      },
    },
    {
      name: "labels",
      transform: [{ filter: `datum.end - datum.start >= ${MIN_LABELLED_SEGMENT}` }],
      mark: { type: "text", baseline: "middle", align: "center" },
      encoding: {
        y,
        x: { field: "middle", type: "quantitative", title: localeTexts(options.locale).percentAxisTitle },
        text: { field: "label" },
        color: { field: "textColor", type: "nominal", scale: null },
      },
    },
  ];
}


/** A stacked bar must hold every answer of its question: its shares add up to 100 %. */
function checkComplete(item: string, segments: readonly ChartDatum[]): void {
  const total = segments.reduce((sum, datum) => sum + datum.proportion, 0);
  if (Math.abs(total - 1) > 1e-6) {
    throw argumentError(`rows of "${item}"`, "must hold every category of a single-choice question (shares adding up to 100%)", total);
  }
}
