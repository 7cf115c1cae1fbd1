import type { Config } from "vega-lite";

/** Colours and type of a chart. The default is a clean print style with colour-blind-safe palettes. */
export interface ChartTheme {
  /** CSS font list; the first family is the one `svyprop/render` bundles (DejaVu Sans). */
  font: string;
  /** Size of labels and axis text, in pixels. */
  fontSize: number;
  /** Size of the title, in pixels. */
  titleFontSize: number;
  /** Colour of titles, labels and values. */
  textColor: string;
  /** Colour of subtitles, captions and axis lines. */
  mutedTextColor: string;
  /** Colour of the grid lines. */
  gridColor: string;
  /** Colour behind the chart. */
  background: string;
  /** Bars of a single series. */
  barColor: string;
  /** Error bars and the dots of a forest chart. */
  intervalColor: string;
  /** Unordered categories and subgroups, in order of use. */
  categoricalPalette: readonly string[];
  /** Ordered scales (Likert), indexed by the number of levels, from the most negative to the most positive. */
  divergingPalettes: Readonly<Record<number, readonly string[]>>;
}

/**
 * Okabe & Ito's palette ("Color Universal Design", 2008), distinguishable under the common
 * colour-vision deficiencies; black, last in the original, is left out because text is black.
 */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"] as const;

/**
 * ColorBrewer's brown–blue-green diverging scheme (Brewer, colorbrewer2.org), colour-blind safe,
 * with a mid grey for the neutral level so it stays visible on white paper.
 */
export const BROWN_BLUE_GREEN: Readonly<Record<number, readonly string[]>> = {
  2: ["#d8b365", "#5ab4ac"],
  3: ["#d8b365", "#cccccc", "#5ab4ac"],
  4: ["#a6611a", "#dfc27d", "#80cdc1", "#018571"],
  5: ["#a6611a", "#dfc27d", "#cccccc", "#80cdc1", "#018571"],
  6: ["#8c510a", "#d8b365", "#f6e8c3", "#c7eae5", "#5ab4ac", "#01665e"],
  7: ["#8c510a", "#d8b365", "#f6e8c3", "#cccccc", "#c7eae5", "#5ab4ac", "#01665e"],
};

/** The default print theme: DejaVu Sans, dark text on white, the Okabe–Ito and brown–blue-green palettes. */
export const defaultTheme: ChartTheme = {
  font: "DejaVu Sans, Verdana, Arial, sans-serif",
  fontSize: 12,
  titleFontSize: 15,
  textColor: "#1a1a1a",
  mutedTextColor: "#555555",
  gridColor: "#e3e3e3",
  background: "#ffffff",
  barColor: "#56B4E9",
  intervalColor: "#1a1a1a",
  categoricalPalette: OKABE_ITO,
  divergingPalettes: BROWN_BLUE_GREEN,
};

/** The colours of an ordered scale of `levelCount` levels (Likert), most negative first. */
export function divergingColors(theme: ChartTheme, levelCount: number): string[] {
  const palette = theme.divergingPalettes[levelCount];
  if (palette) return [...palette];
  // Beyond the table: repeat the categorical palette rather than invent a diverging one.
  return Array.from({ length: levelCount }, (_, index) => theme.categoricalPalette[index % theme.categoricalPalette.length]!);
}

/** The Vega-Lite `config` block of a theme. */
export function themeConfig(theme: ChartTheme): Config {
  const text = { labelFont: theme.font, titleFont: theme.font, labelColor: theme.textColor, titleColor: theme.textColor };
  return {
    font: theme.font,
    background: theme.background,
    view: { stroke: null },
    title: {
      font: theme.font,
      fontSize: theme.titleFontSize,
      color: theme.textColor,
      subtitleFont: theme.font,
      subtitleFontSize: theme.fontSize,
      subtitleColor: theme.mutedTextColor,
      anchor: "start",
      offset: 12,
    },
    axis: {
      ...text,
      labelFontSize: theme.fontSize,
      titleFontSize: theme.fontSize,
      titleFontWeight: "normal",
      gridColor: theme.gridColor,
      domainColor: theme.mutedTextColor,
      tickColor: theme.mutedTextColor,
    },
    legend: { ...text, labelFontSize: theme.fontSize, titleFontSize: theme.fontSize, titleFontWeight: "normal" },
    header: {
      labelFont: theme.font,
      titleFont: theme.font,
      labelFontSize: theme.fontSize,
      titleFontSize: theme.fontSize,
      labelColor: theme.textColor,
      titleColor: theme.textColor,
    },
    text: { font: theme.font, fontSize: theme.fontSize - 1, color: theme.textColor },
  };
}

/** Dark or white text, whichever has the higher WCAG 2.1 contrast ratio against `fill` (#rrggbb). */
export function textColorOn(fill: string, theme: ChartTheme): string {
  const background = relativeLuminance(fill);
  const contrast = (text: number) => (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
  return contrast(relativeLuminance("#ffffff")) > contrast(relativeLuminance(theme.textColor)) ? "#ffffff" : theme.textColor;
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function relativeLuminance(color: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(color.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
