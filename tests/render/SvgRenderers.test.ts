import { describe, expect, it } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { barChart, likertChart } from "../../src/charts";
import { renderSvg } from "../../src/render";
import { SvgRenderers } from "../../src/render/node/SvgRenderers";
import { friendRequestRows, inFrench, MOUBARAK_SOURCE, profileRows } from "../../examples/moubarakEstimates";

describe("SvgRenderers", () => {
  const specs: TopLevelSpec[] = [
    barChart(friendRequestRows, { title: "Friend requests", source: MOUBARAK_SOURCE }),
    barChart(inFrench(profileRows), { locale: "fr-FR" }),
    likertChart(friendRequestRows),
    barChart(profileRows, { title: "Profiles" }),
  ];

  it("draws every spec on this thread and a worker thread, each SVG the one renderSvg draws, in order; passes on a spec's error", async () => {
    const renderers = SvgRenderers.start(2);
    const broken = { mark: "bar", encoding: { x: { field: "a", type: "quantitative" } }, data: { values: [{ a: 1 }] }, transform: [{ calculate: "(", as: "b" }] } as unknown as TopLevelSpec;
    try {
      const svgs = await renderers.renderAll(specs);
      const alone = [];
      for (const spec of specs) alone.push(await renderSvg(spec));
      expect(svgs).toEqual(alone);
      expect(new Set(svgs).size).toBe(specs.length);
      // Three broken specs on two threads: the worker draws at least one of them.
      await expect(renderers.renderAll([broken, broken, broken])).rejects.toThrow();
    } finally {
      await renderers.close();
    }
  });

  it("draws on this thread alone when given one thread", async () => {
    const renderers = SvgRenderers.start(1);
    try {
      expect(await renderers.renderAll(specs.slice(0, 2))).toEqual([await renderSvg(specs[0] as TopLevelSpec), await renderSvg(specs[1] as TopLevelSpec)]);
    } finally {
      await renderers.close();
    }
  });
});
