import { argumentError } from "../errors";
import type { ChartLocale } from "./locale";
import { type ChartTheme, defaultTheme } from "./theme";

/** Order of the bars: by proportion, largest first (default), smallest first, or as the rows come. */
export type BarOrder = "descending" | "ascending" | "input";

/** Options every chart kind accepts. */
export interface ChartOptions {
  /** Number format, "%" spacing, interval name and axis titles (default "en-US"). */
  locale?: ChartLocale;
  /** The chart's title (default: the question's chart title or label, or none for several questions). */
  title?: string;
  /** One line, or several. */
  subtitle?: string | string[];
  /** Citation printed in the caption, e.g. the codebook's `source.citation`. */
  source?: string;
  /** Width of the plotting area in pixels (default 420). */
  width?: number;
  /** Height of the plotting area in pixels (default: a fixed step per bar, so bars keep their thickness). */
  height?: number;
  /** Overrides of the default print theme. */
  theme?: Partial<ChartTheme>;
  /** Digits after the decimal separator of the value labels (default 0). */
  decimals?: number;
  /** Order of the bars (default "descending": largest proportion first). */
  order?: BarOrder;
  /** Display labels of group codes, e.g. `{ resident: "Residents" }` for rows with `group: { position: "resident" }`. */
  groupLabels?: Record<string, string>;
  /** Title of the group legend or facet headers (default: the group's key, e.g. "position"). */
  groupTitle?: string;
}

/** `ChartOptions` with every default filled in. */
export interface ResolvedChartOptions {
  locale: ChartLocale;
  title?: string;
  subtitle: string[];
  source?: string;
  width: number;
  height?: number;
  theme: ChartTheme;
  decimals: number;
  order: BarOrder;
  groupLabels: Record<string, string>;
  groupTitle?: string;
}

const DEFAULT_WIDTH = 420;

export function resolveChartOptions(options: ChartOptions = {}): ResolvedChartOptions {
  const { locale = "en-US", width = DEFAULT_WIDTH, decimals = 0, order = "descending" } = options;
  if (locale !== "en-US" && locale !== "fr-FR") throw argumentError("locale", 'must be "en-US" or "fr-FR"', locale);
  if (!(width > 0)) throw argumentError("width", "must be a positive number", width);
  if (options.height !== undefined && !(options.height > 0)) {
    throw argumentError("height", "must be a positive number", options.height);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4) {
    throw argumentError("decimals", "must be an integer from 0 to 4", decimals);
  }
  const subtitle = options.subtitle === undefined ? [] : [options.subtitle].flat();
  return {
    locale,
    ...(options.title !== undefined && { title: options.title }),
    subtitle,
    ...(options.source !== undefined && { source: options.source }),
    width,
    ...(options.height !== undefined && { height: options.height }),
    theme: { ...defaultTheme, ...options.theme },
    decimals,
    order,
    groupLabels: options.groupLabels ?? {},
    ...(options.groupTitle !== undefined && { groupTitle: options.groupTitle }),
  };
}
