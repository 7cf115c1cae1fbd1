import { describe, expect, it } from "vitest";
import { barChart } from "../../src/charts";
import { renderPng, renderSvg } from "../../src/render";
import { friendRequestRows, inFrench, profileRows } from "../../examples/moubarakEstimates";
import { decodePng, type DecodedPng } from "./decodePng";

/** Width and height that the SVG declares. */
function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  if (!match) throw new Error("SVG without size");
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** Share of pixels that are not the white background. */
function inkedShare({ pixels }: DecodedPng): number {
  let inked = 0;
  for (let index = 0; index < pixels.length; index += 4) {
    if (pixels[index]! < 250 || pixels[index + 1]! < 250 || pixels[index + 2]! < 250) inked++;
  }
  return inked / (pixels.length / 4);
}

/** Pixels of one colour (within a small tolerance), e.g. the bar colour. */
function pixelsOfColour({ pixels }: DecodedPng, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  let count = 0;
  for (let index = 0; index < pixels.length; index += 4) {
    if (Math.abs(pixels[index]! - r!) < 3 && Math.abs(pixels[index + 1]! - g!) < 3 && Math.abs(pixels[index + 2]! - b!) < 3) count++;
  }
  return count;
}

describe("renderPng", () => {
  it("is the SVG's size times the scale (2 by default)", async () => {
    const spec = barChart(friendRequestRows, { title: "Friend requests" });
    const { width, height } = svgSize(await renderSvg(spec));
    const twice = decodePng(await renderPng(spec));
    expect([twice.width, twice.height]).toEqual([Math.round(width * 2), Math.round(height * 2)]);
    const once = decodePng(await renderPng(spec, { scale: 1 }));
    expect([once.width, once.height]).toEqual([Math.round(width), Math.round(height)]);
  });

  it("is not blank: the bars are drawn in the theme colour and text inks the page", async () => {
    const png = decodePng(await renderPng(barChart(friendRequestRows), { scale: 1 }));
    // 85% + 15% of a 420-pixel axis, bars 30 × (1 − 0.25 padding) = 22.5 pixels thick.
    expect(pixelsOfColour(png, "#56B4E9")).toBeGreaterThan(0.95 * 420 * 22);
    expect(pixelsOfColour(png, "#56B4E9")).toBeLessThan(1.05 * 420 * 23);
    expect(inkedShare(png)).toBeGreaterThan(0.1);
    expect(inkedShare(png)).toBeLessThan(0.6);
  });

  it("draws text with the bundled font, accents included: the title's strip is inked", async () => {
    // Without a usable font resvg silently drops text, and the strip above the bars would stay white.
    const png = decodePng(await renderPng(barChart(inFrench(profileRows), { locale: "fr-FR", title: "Éléments déclarés à l’écran" }), { scale: 1 }));
    const titleStrip = { ...png, height: 22, pixels: png.pixels.subarray(0, png.width * 4 * 22) };
    expect(inkedShare(titleStrip)).toBeGreaterThan(0.03);
  });

  it("rejects a scale that is not a positive number up to 10", async () => {
    await expect(renderPng(barChart(friendRequestRows), { scale: 0 })).rejects.toThrow(/E_ARGUMENT/);
  });
});
