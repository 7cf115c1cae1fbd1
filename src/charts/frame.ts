import type { TopLevelSpec } from "vega-lite";
import type { NonNormalizedSpec } from "vega-lite/types_unstable/spec/index.js";
import { captionFontSize } from "./caption";
import { vegaNumberLocale } from "./locale";
import type { ResolvedChartOptions } from "./options";
import { themeConfig } from "./theme";

/** The Vega-Lite schema the specs are written against (the major version of the installed vega-lite). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * Puts a chart body in its frame: title and subtitle on top, caption lines below
 * (as the bottom-anchored title of the body, inside a one-item `vconcat`), the theme and
 * the locale's number format in `config`.
 */
export function frameChart(body: NonNormalizedSpec, caption: string[], options: ResolvedChartOptions): TopLevelSpec {
  const { theme } = options;
  const heading = options.title ?? (options.subtitle.length > 0 ? "" : undefined);
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...(heading !== undefined && {
      title: { text: heading, ...(options.subtitle.length > 0 && { subtitle: options.subtitle }) },
    }),
    config: { ...themeConfig(theme), locale: { number: vegaNumberLocale(options.locale) } },
    vconcat: [
      {
        ...body,
        title: {
          text: caption,
          orient: "bottom",
          anchor: "start",
          font: theme.font,
          fontSize: captionFontSize(theme),
          fontWeight: "normal",
          color: theme.mutedTextColor,
          offset: 14,
        },
      },
    ],
  } as TopLevelSpec;
}
