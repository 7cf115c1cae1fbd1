import { describe, expect, it } from "vitest";
import { stackedBarChart } from "../../src/charts";
import { friendRequestRows, privacyRows } from "../../examples/moubarakEstimates";

const body = (spec: object) => (spec as { vconcat: Record<string, any>[] }).vconcat[0]!;

describe("stackedBarChart", () => {
  it("lays each question's answers end to end from 0 to 100 %", () => {
    const values = body(stackedBarChart(friendRequestRows)).data.values;
    expect(values.map((v: { start: number; end: number }) => [v.start, v.end])).toEqual([
      [0, 152 / 178], [152 / 178, 1], [1, 1],
    ]);
    expect(values.map((v: { item: string }) => v.item)).toEqual(Array(3).fill("If a patient sent a friend request"));
  });

  it("writes labels readable on their fill and only where the segment is wide enough", () => {
    const chart = body(stackedBarChart(privacyRows));
    const [segments, labels] = chart.layer;
    expect(segments.encoding.color.scale.range.slice(0, 3)).toEqual(["#0072B2", "#E69F00", "#009E73"]);
    expect(chart.data.values.map((v: { textColor: string }) => v.textColor)).toEqual(["#ffffff", "#1a1a1a", "#1a1a1a"]);
    expect(labels.transform).toEqual([{ filter: "datum.end - datum.start >= 0.06" }]);
  });

  it("names bars with their base when questions have different bases, and says intervals are not drawn", () => {
    const spec = stackedBarChart([...friendRequestRows, ...privacyRows]) as any;
    expect(body(spec).layer[0].encoding.y.scale.domain).toEqual(["If a patient sent a friend request (n = 178)", "Changed default privacy settings (n = 147)"]);
    expect(body(spec).title.text[0]).toBe("Bases (n) differ and are shown in the labels.");
  });

  it("refuses a bar whose answers do not add up to 100 %", () => {
    expect(() => stackedBarChart(privacyRows.slice(0, 2))).toThrow(/every category/);
  });
});
