// Labels and group codes that are JavaScript property names or hold line terminators: every chart
// kind must render them as text (issue 18, "Escaping").
import { describe, expect, it } from "vitest";
import { barChart, forestChart, groupedBarChart, likertChart, multiSelectChart, stackedBarChart } from "../../src/charts";
import { renderSvg } from "../../src/render";
import type { Estimate } from "../../src/types";
import { markItems, svgTexts } from "./svgParts";

const PROTOTYPE_NAMES = ["constructor", "toString", "valueOf", "__proto__", "hasOwnProperty"];

function row(question: string, category: string, categoryLabel: string, count: number, group?: Record<string, string>, base = 10): Estimate {
  const proportion = count / base;
  return {
    question, questionLabel: question, category, categoryLabel, count, base, proportion,
    lower: Math.max(0, proportion - 0.2), upper: Math.min(1, proportion + 0.2), level: 0.95, method: "wilson",
    ...(group ? { group } : {}),
  };
}

// counts 1 … 5 of 15: the categories of one single-choice question
const categoryRows = PROTOTYPE_NAMES.map((name, i) => row("q", `c${i}`, name, i + 1, undefined, 15));
const optionRows = PROTOTYPE_NAMES.map((name, i) => row("q", `o${i}`, name, i + 1));
const questionRows = PROTOTYPE_NAMES.map((name, i) => row(name, "yes", "Yes", i + 1));

describe("charts with labels that are prototype names", () => {
  const kinds: [string, () => object][] = [
    ["barChart", () => barChart(categoryRows)],
    ["stackedBarChart", () => stackedBarChart(categoryRows)],
    ["likertChart", () => likertChart(categoryRows)],
    ["multiSelectChart", () => multiSelectChart(optionRows)],
    ["forestChart", () => forestChart(questionRows)],
  ];
  it.each(kinds)("%s draws every label", async (_, chart) => {
    const texts = svgTexts(await renderSvg(chart() as Parameters<typeof renderSvg>[0])).join("\n");
    for (const name of PROTOTYPE_NAMES) expect(texts).toContain(name);
  });

  it("groupedBarChart names groups coded constructor and __proto__ by their codes, side by side and faceted", async () => {
    const rows = [row("q", "yes", "Yes", 4, { position: "constructor" }), row("q", "yes", "Yes", 6, { position: "__proto__" })];
    for (const layout of ["side-by-side", "faceted"] as const) {
      const texts = svgTexts(await renderSvg(groupedBarChart(rows, { layout })));
      expect(texts).toEqual(expect.arrayContaining(["constructor", "__proto__"]));
      expect(texts.join("\n")).not.toMatch(/native code|object Object/);
    }
  });

  it("forestChart and groupedBarChart keep the groups in the rows' order", async () => {
    const rows = ["toString", "b", "a"].map((code, i) => row("q", "yes", "Yes", 3 + i, { position: code }));
    for (const chart of [groupedBarChart(rows), forestChart(rows)]) {
      // the value labels read from top to bottom (by their drawn y), not in the data's order
      const labels = markItems(await renderSvg(chart), "labels_marks")
        .map((item) => ({ y: Number(/translate\([^,]+,([^)]+)\)/.exec(item)?.[1]), text: svgTexts(item)[0]?.split(" ")[0] }))
        .sort((a, b) => a.y - b.y)
        .map(({ text }) => text);
      expect(labels).toEqual(["30%", "40%", "50%"]);
    }
  });

  it("groupedBarChart uses a group label only when it is the label's own", async () => {
    const rows = [row("q", "yes", "Yes", 4, { position: "toString" }), row("q", "yes", "Yes", 6, { position: "r" })];
    const texts = svgTexts(await renderSvg(groupedBarChart(rows, { groupLabels: { r: "Residents" } })));
    expect(texts).toEqual(expect.arrayContaining(["toString", "Residents"]));
  });
});

describe("charts with line separators in long labels", () => {
  it("wraps a long label holding U+2028 and U+2029 instead of failing to parse its label expression", async () => {
    const long = "Would you accept a friend request\u2028from a patient you met\u2029in the emergency department (n = 10)";
    const rows = [row("q", "a", long, 3), row("q", "b", "valueOf", 5)];
    const texts = svgTexts(await renderSvg(barChart(rows)));
    expect(texts.join(" ")).toContain("emergency department");
    expect(texts).toContain("valueOf");
  });

  it("wraps a long label that has a prototype name as one of its lines", async () => {
    const long = `${"x".repeat(45)} constructor ${"y".repeat(45)}`;
    const texts = svgTexts(await renderSvg(barChart([row("q", "a", long, 3), row("q", "b", "b", 5)])));
    expect(texts).toContain("constructor");
  });
});
