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

  it("draws a row without an interval (a domain with no design df) as a dot labelled n/a", () => {
    const rows = [...facebookRows.slice(0, 1), { ...facebookRows[0]!, category: "no", categoryLabel: "No", proportion: 0.27, lower: Number.NaN, upper: Number.NaN }];
    const chart = body(forestChart(rows));
    const last = chart.data.values[1];
    expect(last.label).toBe("27% (n/a)");
    expect(last.labelAt).toBe(0.27);
    expect(chart.data.values[0].labelAt).toBe(facebookRows[0]!.upper);
    expect(() => forestChart([{ ...facebookRows[0]!, lower: Number.NaN }])).toThrow(/lower must be a number from 0 to 1/);
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
