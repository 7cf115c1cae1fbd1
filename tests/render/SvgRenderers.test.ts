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

  it("draws every spec on this thread and a worker thread, each SVG the one renderSvg draws, in order", async () => {
    const renderers = SvgRenderers.start(2);
    try {
      const svgs = await renderers.renderAll(specs);
      const alone = [];
      for (const spec of specs) alone.push(await renderSvg(spec));
      expect(svgs).toEqual(alone);
      expect(new Set(svgs).size).toBe(specs.length);
    } finally {
      await renderers.close();
    }
  });

  it("passes on the error of a spec vega cannot draw, from whichever thread drew it", async () => {
    const renderers = SvgRenderers.start(2);
    const broken = { mark: "bar", encoding: { x: { field: "a", type: "quantitative" } }, data: { values: [{ a: 1 }] }, transform: [{ calculate: "(", as: "b" }] } as unknown as TopLevelSpec;
    try {
      await expect(renderers.renderAll([broken, broken, broken])).rejects.toThrow();
    } finally {
      await renderers.close();
    }
  });
});
