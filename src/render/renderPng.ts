import { Resvg } from "@resvg/resvg-js";
import type { TopLevelSpec } from "vega-lite";
import { bundledFontFiles, PNG_FONT_FAMILY } from "./font";
import { pngScale, type RenderPngOptions } from "./pngScale";
import { renderSvg } from "./renderSvg";

/**
 * Renders a Vega-Lite spec to PNG bytes (Node): SVG first (`renderSvg`), then rasterised by resvg
 * with the bundled DejaVu Sans, never the machine's fonts, so a PNG looks the same everywhere.
 * The browser build draws through a canvas instead (`renderPng.browser.ts`).
 *
 * @param spec - A Vega-Lite spec, e.g. from `barChart`.
 * @param options - `scale`: pixels per SVG unit (default 2).
 * @returns The PNG file's bytes.
 *
 * @example
 * ```ts
 * import { barChart, estimate, loadDataset } from "svyprop";
 * import { renderPng } from "svyprop/render";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const png = await renderPng(barChart(estimate(survey, "real_name")), { scale: 1 });
 * // The PNG signature:
 * [...png.subarray(0, 4)]; // → [137, 80, 78, 71]
 * ```
 */
export async function renderPng(spec: TopLevelSpec, options: RenderPngOptions = {}): Promise<Uint8Array> {
  const scale = pngScale(options);
  const svg = await renderSvg(spec);
  const image = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontFiles: bundledFontFiles(), defaultFontFamily: PNG_FONT_FAMILY, sansSerifFamily: PNG_FONT_FAMILY },
  }).render();
  return new Uint8Array(image.asPng());
}
