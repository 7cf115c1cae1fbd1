import { describe, expect, it } from "vitest";
import { renderPng, renderSvg } from "../../src/render";
import { chartGallery } from "../charts/chartGallery";
import { decodePng } from "./decodePng";
import { markItems, svgTexts } from "./svgParts";

const english = chartGallery("en-US");
const french = chartGallery("fr-FR");

describe("every chart kind renders its marks and texts", () => {
  it("bar: five bars, five intervals, five labels", async () => {
    const svg = await renderSvg(english.bar!);
    expect(markItems(svg, "bars_marks")).toHaveLength(5);
    expect(markItems(svg, "intervals_layer_2_marks")).toHaveLength(5);
    expect(markItems(svg, "labels_marks").map((item) => svgTexts(item)[0])).toEqual(["99%", "97%", "91%", "59%", "55%"]);
  });

  it("grouped side by side: a bar, an interval and a label per item and group, and the legend", async () => {
    const svg = await renderSvg(english.groupedSideBySide!);
    expect(markItems(svg, "bars_marks")).toHaveLength(4);
    expect(markItems(svg, "intervals_layer_2_marks")).toHaveLength(4);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(["Residents", "fellow", "78% (n = 152)", "position"]));
  });

  it("grouped faceted: one panel per group with its header", async () => {
    const svg = await renderSvg(english.groupedFaceted!);
    expect(markItems(svg, "bars_marks")).toHaveLength(4);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(["resident", "fellow"]));
  });

  it("stacked: a segment per answer, labels only on wide segments", async () => {
    const svg = await renderSvg(english.stacked!);
    expect(markItems(svg, "segments_marks")).toHaveLength(6);
    // "Would accept" (0 %) gets no label; the other five do.
    expect(markItems(svg, "labels_marks").map((item) => svgTexts(item)[0])).toEqual(["85%", "15%", "61%", "22%", "17%"]);
  });

  it("likert: five segments, the zero line and unsigned axis labels", async () => {
    const svg = await renderSvg(english.likert!);
    expect(markItems(svg, "segments_marks")).toHaveLength(5);
    expect(markItems(svg, "zero_marks")).toHaveLength(1);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining(["40%", "0%", "Strongly agree"]));
    expect(texts.some((text) => text.startsWith("-") || text.startsWith("−"))).toBe(false);
  });

  it("forest: a dot and whisker per row and the reference line", async () => {
    const svg = await renderSvg(english.forest!);
    expect(markItems(svg, "points_marks")).toHaveLength(3);
    expect(markItems(svg, "intervals_layer_2_marks")).toHaveLength(3);
    expect(markItems(svg, "reference_marks")).toHaveLength(1);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(["73% (66–78)", "50%"]));
  });

  it("multi-select: a bar per option and the caption's warning", async () => {
    const svg = await renderSvg(english.multiSelect!);
    expect(markItems(svg, "bars_marks")).toHaveLength(5);
    expect(svgTexts(svg).join(" ")).toContain("Several answers were allowed");
  });

  it("mean: a dot and whisker per group, 'mean (limits)' beside, the mean axis", async () => {
    const svg = await renderSvg(english.mean!);
    expect(markItems(svg, "points_marks")).toHaveLength(3);
    expect(markItems(svg, "intervals_layer_2_marks")).toHaveLength(3);
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(["674 (650–699)", "Mean", "Elementary (n = 100)"]));
    const grouped = await renderSvg(english.meanGrouped!);
    expect(markItems(grouped, "points_marks")).toHaveLength(4);
    expect(svgTexts(grouped)).toEqual(expect.arrayContaining(["Resident", "Fellow", "3.42 (3.22–3.62)"]));
  });

  it.each(Object.keys(french))("%s in French keeps its accents and spaced percent signs", async (kind) => {
    const texts = svgTexts(await renderSvg(french[kind]!));
    expect(texts).toContain(kind.startsWith("mean") ? "Moyenne" : "Pourcentage des répondants");
    expect(texts.filter((text) => text.includes("%")).every((text) => !/\d%/.test(text))).toBe(true);
  });

  it.each(Object.keys(english))("%s renders to a non-blank PNG", async (kind) => {
    const png = decodePng(await renderPng(english[kind]!, { scale: 1 }));
    expect(png.width).toBeGreaterThan(300);
    expect(png.height).toBeGreaterThan(100);
    let inked = 0;
    for (let index = 0; index < png.pixels.length; index += 4) if (png.pixels[index]! < 200) inked++;
    expect(inked / (png.width * png.height)).toBeGreaterThan(0.02);
  });
});
