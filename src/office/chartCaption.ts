import type { TopLevelSpec } from "vega-lite";

/** The part of a framed chart spec (`charts/frame`) that holds the caption: the title of its one `vconcat` item. */
interface FramedSpec {
  vconcat?: [{ title?: { text?: unknown } }];
}

/**
 * Splits a chart made by svyprop's charts into the chart without its caption and the caption's
 * text (base, interval, method, source), so a slide can print the caption as editable text
 * under the picture. A spec without a caption is returned whole, with no caption.
 */
export function splitCaption(spec: TopLevelSpec): { chart: TopLevelSpec; caption: string[] } {
  const [body] = (spec as FramedSpec).vconcat ?? [];
  const lines = body?.title?.text;
  if (body === undefined || !Array.isArray(lines)) return { chart: spec, caption: [] };
  const { title: _caption, ...untitled } = body;
  return { chart: { ...spec, vconcat: [untitled] } as TopLevelSpec, caption: lines.map(String) };
}
