import { Resvg } from "@resvg/resvg-js";
import type { TopLevelSpec } from "vega-lite";
import { bundledFontFiles, PNG_FONT_FAMILY } from "./font";
import { pngScale, type RenderPngOptions } from "./pngScale";
import { renderSvg } from "./renderSvg";

/**
 * Renders a Vega-Lite spec to PNG bytes (Node): SVG first (`renderSvg`), then rasterised by resvg
 * with the bundled DejaVu Sans, never the machine's fonts, so a PNG looks the same everywhere.
 * The browser build draws through a canvas instead (`renderPng.browser.ts`).
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
