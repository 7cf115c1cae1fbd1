import { describe, expect, it } from "vitest";
import { meanChart } from "../../src/charts";
import { apiMeansByType, likertMeans } from "./meanRows";

const body = (spec: object) => (spec as { vconcat: Record<string, any>[] }).vconcat[0]!;

describe("meanChart", () => {
  it("draws a whisker, a dot and 'mean (limits)' per group of one question, at the interval's precision", () => {
    const spec = meanChart(apiMeansByType, { title: "API" }) as Record<string, any>;
    const chart = body(spec);
    expect(chart.layer.map((layer: { name: string }) => layer.name)).toEqual(["intervals", "points", "labels"]);
    expect(chart.data.values.map((v: { item: string; label: string }) => [v.item, v.label])).toEqual([
      ["Elementary (n = 100)", "674 (650–699)"],
      ["Middle (n = 50)", "637 (605–669)"],
      ["High (n = 50)", "626 (596–656)"],
    ]);
    expect(chart.layer[1].encoding.x).toMatchObject({ field: "mean", title: "Mean", scale: { zero: false } });
    expect(chart.title.text.join(" ")).toContain("Error bars: 95% CI (mean ± t·SE, t on the design's degrees of freedom).");
  });

  it("tells the groups of several questions apart by colour, with one base in the caption when all agree", () => {
    const rows = likertMeans.map((row) => ({ ...row, n: 160 }));
    const chart = body(meanChart(rows, { groupTitle: "Position" }));
    expect(chart.layer[1].encoding).toMatchObject({ color: { field: "group", legend: { title: "Position" } }, yOffset: { field: "group" } });
    expect(chart.data.values[0]).toMatchObject({ item: "Trust in doctors", group: "Resident", label: "3.42 (3.22–3.62)" });
    expect(chart.title.text.join(" ")).toMatch(/^n = 160\. /);
  });

  it("writes French numbers and words", () => {
    const chart = body(meanChart(likertMeans, { locale: "fr-FR" }));
    expect(chart.data.values[0].label).toBe("3,42 (3,22–3,62)");
    expect(chart.layer[1].encoding.x.title).toBe("Moyenne");
    expect(chart.title.text.join(" ")).toContain("IC 95\u202f%");
  });

  it("draws a mean without an interval as a dot labelled n/a, and refuses no rows or a mean that is not a number", () => {
    const chart = body(meanChart([{ ...apiMeansByType[0]!, lower: Number.NaN, upper: Number.NaN }, apiMeansByType[1]!]));
    expect(chart.data.values[0]).toMatchObject({ label: "674 (n/a)", lower: 674.43, upper: 674.43 });
    expect(() => meanChart([])).toThrow(/rows must hold at least one mean/);
    expect(() => meanChart([{ ...apiMeansByType[0]!, mean: Number.NaN }])).toThrow(/rows\[0\]\.mean/);
  });
});
