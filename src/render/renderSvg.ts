import type { TopLevelSpec } from "vega-lite";
import { renderView } from "./renderView";

/**
 * Renders a Vega-Lite spec to an SVG document, headless: vega-lite compiles it to Vega, and a
 * Vega View without a renderer draws it with Vega's own SVG string renderer (no native code, so
 * it runs in a browser too). In Node, text is measured with the bundled DejaVu Sans, the font of
 * the PNGs (see `withFontMeasurement`); in a browser, with the page's canvas.
 *
 * @param spec - A Vega-Lite spec, e.g. from `barChart`.
 * @returns The SVG document.
 *
 * @example
 * ```ts
 * import { barChart, estimate, loadDataset } from "svyprop";
 * import { renderSvg } from "svyprop/render";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const svg = await renderSvg(barChart(estimate(survey, "real_name")));
 * svg; // → "<svg xmlns=\"http://www.w3.org/2000/svg\"…"
 * svg.includes("n = 140"); // → true
 * ```
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  return renderView(spec, (view) => view.toSVG());
}
