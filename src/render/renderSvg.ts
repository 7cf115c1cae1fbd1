import type { TopLevelSpec } from "vega-lite";
import { renderView } from "./renderView";

/**
 * Renders a Vega-Lite spec to an SVG document, headless: vega-lite compiles it to Vega, and a
 * Vega View without a renderer draws it with Vega's own SVG string renderer (no native code, so
 * it runs in a browser too). In Node, text is measured with the bundled DejaVu Sans, the font of
 * the PNGs (see `withFontMeasurement`); in a browser, with the page's canvas.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  return renderView(spec, (view) => view.toSVG());
}
