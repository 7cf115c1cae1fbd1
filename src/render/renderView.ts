import type { View } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { type VegaTextMetrics, withFontMeasurement } from "./textMeasurement";

/**
 * Compiles a Vega-Lite spec to Vega, runs it in a headless Vega View (no renderer attached) and
 * hands the view to `draw`, measuring text as `withFontMeasurement` does on this platform; the
 * view is finalized afterwards. vega and vega-lite are ESM-only with top-level await, so they are
 * imported dynamically: a static import would make the CommonJS build of `svyprop/render`
 * unloadable with require().
 */
export async function renderView<T>(spec: TopLevelSpec, draw: (view: View) => Promise<T>): Promise<T> {
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  // vega re-exports vega-scenegraph's textMetrics at run time; its typings leave it out.
  const { textMetrics } = vega as unknown as { textMetrics: VegaTextMetrics };
  return withFontMeasurement(textMetrics, async () => {
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
    try {
      return await draw(view);
    } finally {
      view.finalize();
    }
  });
}
