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
  const [{ compile }, vega] = await loadVega();
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

let loading: Promise<[typeof import("vega-lite"), typeof import("vega")]> | undefined;

/**
 * vega-lite and vega, imported once. Loading them is most of a first chart's cost, so a caller
 * that will draw can start it early (`report` does, while the file is tallied).
 */
export function loadVega(): Promise<[typeof import("vega-lite"), typeof import("vega")]> {
  loading ??= Promise.all([import("vega-lite"), import("vega")]);
  return loading;
}
