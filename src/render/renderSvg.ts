import type { TopLevelSpec } from "vega-lite";

/**
 * Renders a Vega-Lite spec to an SVG document, headless: vega-lite compiles it to Vega,
 * and a Vega View without a renderer draws it with its SVG string renderer.
 * vega and vega-lite are ESM-only with top-level await, so they are imported dynamically:
 * a static import would make the CommonJS build of `svyprop/render` unloadable with require().
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [{ compile }, { parse, View }] = await Promise.all([import("vega-lite"), import("vega")]);
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
