import { describe, expect, it } from "vitest";
import { likertChart } from "../../src/charts";
import { illustrativeLikertRows } from "../../examples/moubarakEstimates";

const body = (spec: object) => (spec as { vconcat: Record<string, any>[] }).vconcat[0]!;
const ends = (spec: object) => body(spec).data.values.map((v: { start: number; end: number }) => [+v.start.toFixed(4), +v.end.toFixed(4)]);

describe("likertChart", () => {
  it("centres the neutral level on zero: disagreement left, agreement right", () => {
    // 21 + 38 disagree and half of 30 neutral = 74 of 184 left of zero.
    const left = -(21 + 38 + 15) / 184;
    expect(ends(likertChart(illustrativeLikertRows))[0]).toEqual([+left.toFixed(4), +(left + 21 / 184).toFixed(4)]);
    expect(ends(likertChart(illustrativeLikertRows))[2]).toEqual([+(-15 / 184).toFixed(4), +(15 / 184).toFixed(4)]);
  });

  it("without a neutral level, puts the first half of the levels (rounded down) left of zero", () => {
    const values = body(likertChart(illustrativeLikertRows, { neutral: null })).data.values;
    expect(values[1].end).toBeCloseTo(0, 10);
    expect(values[2].start).toBeCloseTo(0, 10);
  });

  it("uses the diverging palette, a symmetric axis with unsigned labels and a zero line", () => {
    const chart = body(likertChart(illustrativeLikertRows));
    const segments = chart.layer[1];
    expect(segments.encoding.color.scale.range).toEqual(["#a6611a", "#dfc27d", "#cccccc", "#80cdc1", "#018571"]);
    expect(segments.encoding.x.scale.domain).toEqual([-0.6, 0.6]);
    expect(segments.encoding.x.axis.labelExpr).toBe("format(abs(datum.value), '.0%')");
    expect(chart.layer[0]).toMatchObject({ name: "zero", mark: { type: "rule" }, encoding: { x: { datum: 0 } } });
  });

  it("refuses a neutral level that is not a category", () => {
    expect(() => likertChart(illustrativeLikertRows, { neutral: "maybe" })).toThrow(/neutral/);
  });
});
