import { describe, expect, it } from "vitest";
import { groupedBarChart } from "../../src/charts";
import { renderSvg } from "../../src/render";
import { svgTexts } from "../render/svgParts";
import { friendRequestRows, illustrativeByPositionRows } from "../../examples/moubarakEstimates";

const body = (spec: object) => (spec as { vconcat: Record<string, any>[] }).vconcat[0]!;
const labels = { resident: "Residents", fellow: "Fellows" };

describe("groupedBarChart", () => {
  it("puts the groups side by side, one colour each, with each group's base in its label", () => {
    const chart = body(groupedBarChart(illustrativeByPositionRows, { groupLabels: labels, groupTitle: "Position" }));
    expect(chart.encoding.yOffset).toMatchObject({ field: "group" });
    const bars = chart.layer[0];
    expect(bars.encoding.color).toMatchObject({ field: "group", legend: { title: "Position" } });
    // Bases differ between items within a group (152 and 114 residents), so each value label carries n.
    expect(chart.data.values.map((v: { group: string; label: string }) => `${v.group}: ${v.label}`)).toEqual([
      "Residents: 78% (n = 152)", "Fellows: 58% (n = 50)", "Residents: 91% (n = 114)", "Fellows: 92% (n = 26)",
    ]);
  });

  it("puts each group's base in its legend label when the group has one base", () => {
    const chart = body(groupedBarChart(illustrativeByPositionRows.slice(0, 2), { groupLabels: labels }));
    expect(chart.layer[0].encoding.color.scale.domain).toEqual(["Residents (n = 152)", "Fellows (n = 50)"]);
    expect(chart.layer[0].encoding.color.legend.title).toBe("position");
  });

  it("facets one panel per group on request, in the rows' order", async () => {
    const chart = groupedBarChart(illustrativeByPositionRows, { layout: "faceted", groupLabels: labels });
    const spec = body(chart);
    expect(spec.facet.column).toMatchObject({ field: "groupIndex" });
    const headers = svgTexts(await renderSvg(chart)).filter((text) => text === "Residents" || text === "Fellows");
    expect(headers).toEqual(["Residents", "Fellows"]);
    expect(spec.spec.layer.map((layer: { mark: { type: string } }) => layer.mark.type)).toEqual(["bar", "errorbar", "text"]);
  });

  it("refuses rows without a group", () => {
    expect(() => groupedBarChart(friendRequestRows)).toThrow(/must all have a group/);
  });
});
