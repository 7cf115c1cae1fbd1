import { bundledFontFiles } from "./font";
import { type FontMetrics, readFontMetrics } from "./fontMetrics";

/** The part of a Vega text item that its width depends on. */
interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}

/** vega-scenegraph's text measurer, which vega re-exports without typing it. */
export interface VegaTextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}

let metrics: { regular: FontMetrics; bold: FontMetrics } | undefined;
let activeRenders = 0;
let replacedWidth: VegaTextMetrics["width"] | undefined;

/**
 * Runs `render` with Vega measuring text by the advance widths of the bundled DejaVu Sans,
 * the font resvg draws with. Without a canvas Vega guesses 0.8 em per character, which
 * truncates labels that fit and leaves wide empty margins. Vega documents replacing
 * `textMetrics.width` for headless use; the original is restored when the last render ends.
 */
export async function withFontMeasurement<T>(textMetrics: VegaTextMetrics, render: () => Promise<T>): Promise<T> {
  if (activeRenders === 0) {
    replacedWidth = textMetrics.width;
    textMetrics.width = measureWidth;
  }
  activeRenders++;
  try {
    return await render();
  } finally {
    activeRenders--;
    if (activeRenders === 0 && replacedWidth !== undefined) textMetrics.width = replacedWidth;
  }
}

function measureWidth(item: TextItem, text?: unknown): number {
  const line = String(text ?? item.text ?? "").trim();
  const fontSize = item.fontSize ?? 11;
  if (line === "" || fontSize <= 0) return 0;
  metrics ??= loadMetrics();
  return (isBold(item.fontWeight) ? metrics.bold : metrics.regular).width(line, fontSize);
}

function loadMetrics(): { regular: FontMetrics; bold: FontMetrics } {
  const [regular, bold] = bundledFontFiles().map(readFontMetrics) as [FontMetrics, FontMetrics];
  return { regular, bold };
}

function isBold(weight: string | number | undefined): boolean {
  return weight === "bold" || weight === "bolder" || (typeof weight === "number" && weight >= 600) || Number(weight) >= 600;
}
