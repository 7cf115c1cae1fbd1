import { describe, expect, it } from "vitest";
import { forestChart, multiSelectChart } from "../../src/charts";
import { facebookRows, illustrativeByPositionRows, profileAsMultiSelectRows, profileRows, relationshipRows } from "../../examples/moubarakEstimates";

const body = (spec: object) => (spec as { vconcat: Record<string, any>[] }).vconcat[0]!;

describe("forestChart", () => {
  it("draws a whisker, a dot and 'percent (limits)' per row", () => {
    const chart = body(forestChart([...facebookRows, ...relationshipRows]));
    expect(chart.layer.map((layer: { name: string }) => layer.name)).toEqual(["intervals", "points", "labels"]);
    expect(chart.data.values[0].label).toBe("73% (66–78)");
    expect(chart.data.values[0].item).toBe("Has a Facebook profile (n = 202)");
  });

  it("adds a dashed reference line with its label", () => {
    const chart = body(forestChart(facebookRows, { reference: { value: 0.5, label: "Half" } }));
    const reference = chart.layer.find((layer: { name: string }) => layer.name === "reference");
    expect(reference).toMatchObject({ mark: { type: "rule", strokeDash: [4, 3] }, data: { values: [{ value: 0.5, label: "Half" }] } });
    expect(() => forestChart(facebookRows, { reference: { value: 50 } })).toThrow(/reference.value/);
  });

  it("tells groups apart by colour and offset", () => {
    const chart = body(forestChart(illustrativeByPositionRows));
    expect(chart.layer[1].encoding).toMatchObject({ color: { field: "group" }, yOffset: { field: "group" } });
  });
});

describe("multiSelectChart", () => {
  it("is the bar chart of one question's options, captioned that shares may exceed 100 %", () => {
    const chart = body(multiSelectChart(profileAsMultiSelectRows));
    expect(chart.layer.map((layer: { mark: { type: string } }) => layer.mark.type)).toEqual(["bar", "errorbar", "text"]);
    expect(chart.title.text.join(" ")).toContain("Several answers were allowed: the shares may add up to more than 100%.");
  });

  it("refuses rows of several questions", () => {
    expect(() => multiSelectChart(profileRows)).toThrow(/one multi-select question/);
  });
});
