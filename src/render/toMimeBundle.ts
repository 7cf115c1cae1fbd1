import type { TopLevelSpec } from "vega-lite";
import { renderSvg } from "./renderSvg";

/**
 * MIME type of the installed vega-lite's major version: frontends that know it draw the spec
 * with the matching library.
 */
export const VEGA_LITE_MIME_TYPE = "application/vnd.vegalite.v6+json";
/** The Vega-Lite MIME type that JupyterLab 4's built-in renderer registers; the specs use no v6-only feature. */
export const VEGA_LITE_V5_MIME_TYPE = "application/vnd.vegalite.v5+json";

/** A Jupyter display bundle of a chart: the live spec, an SVG fallback and a text line. */
export interface ChartMimeBundle {
  /** The spec, for front ends that render Vega-Lite 6 live. */
  [VEGA_LITE_MIME_TYPE]: TopLevelSpec;
  /** The same spec under the v5 type JupyterLab 4 renders. */
  [VEGA_LITE_V5_MIME_TYPE]: TopLevelSpec;
  /** The chart drawn to SVG, for front ends without Vega-Lite. */
  "image/svg+xml": string;
  /** A one-line description of the chart. */
  "text/plain": string;
}

/**
 * A Jupyter MIME bundle for a chart: the Vega-Lite spec under the v6 and v5 MIME types (an
 * interactive chart where the frontend has a Vega-Lite renderer) and the rendered SVG for every
 * other frontend, e.g. GitHub's notebook preview. In Deno's Jupyter kernel:
 * `Deno.jupyter.display(await toMimeBundle(spec), { raw: true })`.
 *
 * @param spec - A Vega-Lite spec, e.g. from `barChart`.
 * @returns The bundle: the spec under both Vega-Lite MIME types, the SVG, and a text line.
 *
 * @example
 * ```ts
 * import { barChart, estimate, loadDataset } from "svyprop";
 * import { toMimeBundle } from "svyprop/render";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const bundle = await toMimeBundle(barChart(estimate(survey, "real_name")));
 * Object.keys(bundle);
 * // → ["application/vnd.vegalite.v6+json", "application/vnd.vegalite.v5+json", "image/svg+xml", "text/plain"]
 * ```
 */
export async function toMimeBundle(spec: TopLevelSpec): Promise<ChartMimeBundle> {
  const title = titleText(spec.title);
  return {
    [VEGA_LITE_MIME_TYPE]: spec,
    [VEGA_LITE_V5_MIME_TYPE]: spec,
    "image/svg+xml": await renderSvg(spec),
    "text/plain": title === "" ? "<Vega-Lite chart>" : `<Vega-Lite chart: ${title}>`,
  };
}

function titleText(title: TopLevelSpec["title"]): string {
  if (typeof title === "string") return title;
  if (title === undefined || Array.isArray(title)) return title?.join(" ") ?? "";
  return typeof title.text === "string" ? title.text : Array.isArray(title.text) ? title.text.join(" ") : "";
}
