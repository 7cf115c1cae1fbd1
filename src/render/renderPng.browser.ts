import type { TopLevelSpec } from "vega-lite";
import { SurveyError } from "../errors";
import { pngScale, type RenderPngOptions } from "./pngScale";
import { renderView } from "./renderView";

/**
 * Renders a Vega-Lite spec to PNG bytes in a browser page: Vega's canvas renderer draws the chart
 * on a `<canvas>` at `scale` pixels per unit, with the page's fonts, and the canvas encodes the
 * PNG. The browser build's `renderPng` (Node's rasterises the SVG with resvg instead).
 */
export async function renderPng(spec: TopLevelSpec, options: RenderPngOptions = {}): Promise<Uint8Array> {
  const scale = pngScale(options);
  const canvas = (await renderView(spec, (view) => view.toCanvas(scale))) as HTMLCanvasElement;
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new SurveyError("E_IO", "the browser could not encode the chart's canvas as PNG");
  return new Uint8Array(await blob.arrayBuffer());
}
