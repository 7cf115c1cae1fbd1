import { describe, expect, it } from "vitest";
import { barChart } from "../../src/charts";
import { facebookRows, friendRequestRows, inFrench, MOUBARAK_SOURCE, profileRows } from "../../examples/moubarakEstimates";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema";

/** The body of a framed chart: the one view inside the top-level vconcat. */
function body(spec: object): Record<string, any> {
  return (spec as { vconcat: Record<string, any>[] }).vconcat[0]!;
}

describe("barChart", () => {
  it("inlines every row with its written percentage and interval", () => {
    const values = body(barChart(friendRequestRows)).data.values;
    expect(values).toHaveLength(3);
    expect(values[0]).toMatchObject({
      item: "Would decline", count: 152, base: 178, percent: "85%", interval: "95% CI 79–90", baseText: "n = 178",
    });
    expect(values[2]).toMatchObject({ item: "Would accept", percent: "0%", interval: "95% CI 0–2" });
  });

  it("sorts the bars by proportion unless told to keep the input order", () => {
    const shuffled = [friendRequestRows[2]!, friendRequestRows[0]!, friendRequestRows[1]!];
    expect(body(barChart(shuffled)).encoding.y.scale.domain).toEqual(["Would decline", "Case by case", "Would accept"]);
    expect(body(barChart(shuffled, { order: "ascending" })).encoding.y.scale.domain).toEqual(["Would accept", "Case by case", "Would decline"]);
    expect(body(barChart(shuffled, { order: "input" })).encoding.y.scale.domain).toEqual(["Would accept", "Would decline", "Case by case"]);
  });

  it("names one-question rows by category and one-category rows by question", () => {
    expect(body(barChart(friendRequestRows)).data.values.map((v: { item: string }) => v.item)).toContain("Case by case");
    const items = body(barChart(profileRows)).data.values.map((v: { item: string }) => v.item);
    // The bases differ (138 and 140), so each label carries its own.
    expect(items).toEqual(["Real name (n = 140)", "Date of birth (n = 140)", "Photo of themselves (n = 140)", "University (n = 140)", "Current position (n = 139)"]);
  });

  it("has bars, error bars and value labels on a 0–100 % axis", () => {
    const layers = body(barChart(facebookRows)).layer;
    expect(layers.map((layer: { mark: { type: string } }) => layer.mark.type)).toEqual(["bar", "errorbar", "text"]);
    expect(layers[0].encoding.x).toMatchObject({ field: "proportion", scale: { domain: [0, 1] }, axis: { format: ".0%" } });
    expect(layers[1].encoding).toMatchObject({ x: { field: "lower" }, x2: { field: "upper" } });
    expect(layers[2].encoding.text).toEqual({ field: "label" });
  });

  it("titles, subtitles and captions the chart with base, interval and source", () => {
    const spec = barChart(friendRequestRows, { title: "Friend requests", subtitle: "Residents and fellows", source: MOUBARAK_SOURCE }) as any;
    expect(spec.title).toEqual({ text: "Friend requests", subtitle: ["Residents and fellows"] });
    expect(body(spec).title.text).toEqual(["n = 178. Error bars: 95% CI (Wilson).", `Source: ${MOUBARAK_SOURCE}`]);
    expect(body(spec).title.orient).toBe("bottom");
  });

  it("writes French: decimal comma, spaced percent sign, IC 95 %, translated axis title", () => {
    const spec = barChart(inFrench(facebookRows), { locale: "fr-FR", decimals: 1, source: MOUBARAK_SOURCE }) as any;
    expect(body(spec).data.values[0]).toMatchObject({ percent: "72,8\u202f%", interval: "IC 95\u202f% 66,3–78,4" });
    expect(spec.config.locale.number).toMatchObject({ decimal: ",", percent: "\u202f%" });
    expect(body(spec).layer[0].encoding.x.axis.title).toBe("Pourcentage des répondants");
    expect(body(spec).title.text).toEqual([
      "n = 202. Barres d’erreur\u202f: IC 95\u202f% (Wilson).",
      `Source\u202f: ${MOUBARAK_SOURCE}`,
    ]);
  });

  it("uses the width and height asked for, and a step per bar by default", () => {
    expect(body(barChart(profileRows)).height).toEqual({ step: 30 });
    expect(body(barChart(profileRows, { width: 300, height: 200 }))).toMatchObject({ width: 300, height: 200 });
  });

  it("is valid Vega-Lite in both locales", () => {
    expect(vegaLiteSchemaErrors(barChart(profileRows, { title: "t", source: "s" }))).toEqual([]);
    expect(vegaLiteSchemaErrors(barChart(inFrench(profileRows), { locale: "fr-FR" }))).toEqual([]);
  });

  it("rejects rows a chart cannot draw honestly", () => {
    expect(() => barChart([])).toThrow(/E_ARGUMENT/);
    expect(() => barChart([{ ...facebookRows[0]!, lower: 0.9 }])).toThrow(/lower ≤ proportion ≤ upper/);
    expect(() => barChart(facebookRows, { locale: "de-DE" as "en-US" })).toThrow(/locale/);
  });
});

describe("barChart captions", () => {
  it("says when the intervals carry a finite-population correction", () => {
    const corrected = friendRequestRows.map((row) => ({ ...row, populationSize: 356.9 }));
    expect((barChart(corrected) as any).vconcat[0].title.text[0]).toBe("n = 178. Error bars: 95% CI (Wilson, finite-population corrected).");
  });

  it("names a single binary question split by group by its question", () => {
    const rows = [{ ...facebookRows[0]!, group: { position: "resident" } }, { ...facebookRows[0]!, group: { position: "fellow" } }];
    expect((barChart(rows) as any).vconcat[0].data.values[0].item).toBe("Has a Facebook profile");
  });
});
