import { describe, expect, it } from "vitest";
import { barChart } from "../../src/charts";
import { renderSvg } from "../../src/render";
import { friendRequestRows, inFrench, MOUBARAK_SOURCE, profileRows } from "../../examples/moubarakEstimates";
import { markItems, svgTexts } from "./svgParts";

describe("renderSvg", () => {
  it("draws one bar, one error bar with two caps and one label per row", async () => {
    const svg = await renderSvg(barChart(friendRequestRows, { title: "Friend requests", source: MOUBARAK_SOURCE }));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(markItems(svg, "bars_marks")).toHaveLength(3);
    expect(markItems(svg, "intervals_layer_0_marks")).toHaveLength(3); // lower caps
    expect(markItems(svg, "intervals_layer_1_marks")).toHaveLength(3); // upper caps
    expect(markItems(svg, "intervals_layer_2_marks")).toHaveLength(3); // the interval rules
    expect(markItems(svg, "labels_marks").map((item) => svgTexts(item)[0])).toEqual(["85%", "15%", "0%"]);
  });

  it("writes the axis, the items, the title and the caption as text", async () => {
    const texts = svgTexts(await renderSvg(barChart(friendRequestRows, { title: "Friend requests", source: MOUBARAK_SOURCE })));
    expect(texts).toEqual(expect.arrayContaining(["Would decline", "Case by case", "Would accept", "Friend requests"]));
    expect(texts).toEqual(expect.arrayContaining(["0%", "20%", "40%", "60%", "80%", "100%", "Percent of respondents"]));
    expect(texts).toContain("n = 178. Error bars: 95% CI (Wilson).");
    expect(texts).toContain(`Source: ${MOUBARAK_SOURCE}`);
  });

  it("writes French ticks and labels with the narrow no-break space and accents", async () => {
    const texts = svgTexts(await renderSvg(barChart(inFrench(profileRows), { locale: "fr-FR" })));
    expect(texts).toEqual(expect.arrayContaining(["20\u202f%", "99\u202f%", "Université (n = 140)", "Pourcentage des répondants"]));
  });
});
