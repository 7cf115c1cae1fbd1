import type { TopLevelSpec } from "vega-lite";
import { type VegaTextMetrics, withFontMeasurement } from "./textMeasurement";

/**
 * Renders a Vega-Lite spec to an SVG document, headless: vega-lite compiles it to Vega, and a
 * Vega View without a renderer draws it with its SVG string renderer, measuring text with the
 * bundled DejaVu Sans (the font of the PNGs; see `withFontMeasurement`).
 * vega and vega-lite are ESM-only with top-level await, so they are imported dynamically:
 * a static import would make the CommonJS build of `svyprop/render` unloadable with require().
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
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  // vega re-exports vega-scenegraph's textMetrics at run time; its typings leave it out.
  const { textMetrics } = vega as unknown as { textMetrics: VegaTextMetrics };
  return withFontMeasurement(textMetrics, async () => {
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  });
}
