import { estimateTable } from "../report";
import { renderPng } from "../render/renderPng";
import { splitCaption } from "./chartCaption";
import type { OfficeOptions, OfficeReport, OfficeSection } from "./officeReport";
import { noteSentences, tableNote } from "./officeWords";
import { redateZip } from "./redateZip";

/** LAYOUT_WIDE: 13.33 × 7.5 inches, 16:9. Positions below are in inches. */
const SLIDE = { width: 13.333, height: 7.5, margin: 0.5 };
const CHART_BOX = { x: SLIDE.margin, y: 1.25, width: SLIDE.width - 2 * SLIDE.margin, height: 5.0 };
const FONT = "Arial";
const TEXT_COLOR = "1A1A1A";
const MUTED_COLOR = "555555";

/**
 * A 16:9 slide deck (.pptx): a title slide, then one slide per section with its heading as the
 * title, its chart as a picture (`renderPng`, without the caption baked in), the caption
 * (base, interval, method, source) as text under it, and in the speaker notes the table's note
 * (base, interval, method, weighting, source) and the section's table (`estimateTable`), so every figure on the slide can be traced to its row.
 * pptxgenjs is loaded only when called; it escapes the text it writes into the slides' XML.
 *
 * @param report - The title, source, sections (heading, chart, rows), loading report and calibration.
 * @param options - The locale, the percentages' decimals and the creation date.
 * @returns The .pptx file's bytes.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset } from "svyprop";
 * import { toPptx } from "svyprop/office";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const pptx = await toPptx({ title: "Facebook", sections: [{ heading: "Real name", rows: estimate(survey, "real_name") }] });
 * // A .pptx file is a zip archive: "PK".
 * [...pptx.subarray(0, 2)]; // → [80, 75]
 * ```
 */
export async function toPptx(report: OfficeReport, options: OfficeOptions = {}): Promise<Uint8Array> {
  const style = { locale: options.locale ?? "en-US", decimals: options.decimals ?? 0 };
  const created = options.created ?? new Date();
  const { default: PptxGenJS } = await import("pptxgenjs");
  const deck = new PptxGenJS();
  deck.layout = "LAYOUT_WIDE";
  deck.author = "svyprop";
  deck.title = report.title;
  deck.theme = { headFontFace: FONT, bodyFontFace: FONT };

  const cover = deck.addSlide();
  cover.addText(report.title, { x: 0.8, y: 2.2, w: SLIDE.width - 1.6, h: 1.6, fontFace: FONT, fontSize: 30, bold: true, color: TEXT_COLOR, valign: "bottom", lang: style.locale });
  if (report.source !== undefined) {
    cover.addText(report.source, { x: 0.8, y: 4.0, w: SLIDE.width - 1.6, h: 1.2, fontFace: FONT, fontSize: 16, color: MUTED_COLOR, valign: "top", lang: style.locale });
  }
  for (const section of report.sections) await addSectionSlide(deck.addSlide(), section, style, report.source);

  const bytes = (await deck.write({ outputType: "uint8array", compression: true })) as Uint8Array;
  return redateZip(bytes, created);
}

type Slide = ReturnType<InstanceType<typeof import("pptxgenjs").default>["addSlide"]>;

async function addSectionSlide(slide: Slide, section: OfficeSection, style: { locale: "en-US" | "fr-FR"; decimals: number }, source: string | undefined): Promise<void> {
  slide.addText(section.heading, {
    x: SLIDE.margin, y: 0.3, w: SLIDE.width - 2 * SLIDE.margin, h: 0.85,
    fontFace: FONT, fontSize: 24, bold: true, color: TEXT_COLOR, valign: "middle", fit: "shrink", lang: style.locale,
  });
  const note = noteSentences(tableNote(section.rows, style.locale, source));
  let caption = note;
  let captionTop = CHART_BOX.y;
  if (section.chart !== undefined) {
    const split = splitCaption(section.chart);
    if (split.caption.length > 0) caption = [split.caption.join(" ")];
    const png = await renderPng(split.chart, { scale: 2 });
    const size = pngSize(png);
    const scale = Math.min(CHART_BOX.width / size.width, CHART_BOX.height / size.height);
    const [w, h] = [size.width * scale, size.height * scale];
    slide.addImage({
      data: `image/png;base64,${Buffer.from(png).toString("base64")}`,
      // A wide, short chart sits in the middle of the box, its caption right under it.
      x: CHART_BOX.x + (CHART_BOX.width - w) / 2, y: CHART_BOX.y + (CHART_BOX.height - h) / 2, w, h,
      altText: `${section.heading}. ${caption.join(" ")}`,
    });
    captionTop = CHART_BOX.y + (CHART_BOX.height + h) / 2 + 0.15;
  }
  slide.addText(caption.join("\n"), {
    x: SLIDE.margin, y: captionTop, w: SLIDE.width - 2 * SLIDE.margin, h: SLIDE.height - captionTop - 0.3,
    fontFace: FONT, fontSize: 12, color: MUTED_COLOR, valign: "top", fit: "shrink", lang: style.locale,
  });
  const { headers, cells } = estimateTable(section.rows, style);
  slide.addNotes([...note, "", headers.join(" | "), ...cells.map((line) => line.join(" | "))].join("\n"));
}

/** Width and height of a PNG from its IHDR chunk (bytes 16–23, big-endian; PNG spec §11.2.2). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
