import { describe, expect, it } from "vitest";
import { barChart } from "../../src/charts";
import { toMimeBundle, VEGA_LITE_MIME_TYPE } from "../../src/render";
import { friendRequestRows } from "../../examples/moubarakEstimates";
import { svgTexts } from "./svgParts";

describe("toMimeBundle", () => {
  it("holds the spec under the Vega-Lite MIME types, an SVG fallback and a text line", async () => {
    const spec = barChart(friendRequestRows, { title: "Friend requests" });
    const bundle = await toMimeBundle(spec);
    expect(Object.keys(bundle).sort()).toEqual([
      "application/vnd.vegalite.v5+json",
      "application/vnd.vegalite.v6+json",
      "image/svg+xml",
      "text/plain",
    ]);
    expect(bundle[VEGA_LITE_MIME_TYPE]).toBe(spec);
    expect(svgTexts(bundle["image/svg+xml"])).toContain("Friend requests");
    expect(bundle["text/plain"]).toBe("<Vega-Lite chart: Friend requests>");
  });

  it("names the MIME type after the schema the specs declare", async () => {
    const spec = barChart(friendRequestRows);
    const major = /vega-lite\/v(\d+)\.json$/.exec(spec.$schema ?? "")?.[1];
    expect(VEGA_LITE_MIME_TYPE).toBe(`application/vnd.vegalite.v${major}+json`);
    expect((await toMimeBundle(spec))["text/plain"]).toBe("<Vega-Lite chart>");
  });
});
