import type { VegaTextMetrics } from "./textMeasurement";

/**
 * The browser build's `withFontMeasurement`: runs `render` as it is, because Vega measures text
 * with the page's canvas, in the fonts the page draws with (Node has no canvas, so its build
 * measures with the bundled DejaVu Sans instead).
 */
export async function withFontMeasurement<T>(_textMetrics: VegaTextMetrics, render: () => Promise<T>): Promise<T> {
  return render();
}
