import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { VEGA_LITE_SCHEMA } from "../../src/charts";
import { chartGallery } from "./chartGallery";
import { vegaLiteSchemaErrors } from "./vegaLiteSchema";

describe.each(["en-US", "fr-FR"] as const)("every chart kind in %s", (locale) => {
  const gallery = chartGallery(locale);
  it.each(Object.keys(gallery))("%s is valid against vega-lite's own JSON schema", (kind) => {
    expect(vegaLiteSchemaErrors(gallery[kind])).toEqual([]);
  });
  it.each(Object.keys(gallery))("%s is plain JSON with its data inlined", (kind) => {
    const spec = gallery[kind]!;
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(JSON.stringify(spec)).toContain('"values":[{');
    expect(JSON.stringify(spec)).not.toMatch(/"url"\s*:/);
  });
});

describe("the schema check itself", () => {
  it("rejects what is not Vega-Lite, so a pass above means something", () => {
    expect(vegaLiteSchemaErrors({ mark: "bars", data: { values: [] } })).not.toEqual([]);
    expect(vegaLiteSchemaErrors({ layer: [{ mark: "bar", encoding: { x: { field: "a", type: "percent" } } }] })).not.toEqual([]);
  });
});

describe("the schema URL", () => {
  it("names the major version of the installed vega-lite", () => {
    const require = createRequire(import.meta.url);
    // vega-lite's exports map hides package.json; it sits one folder above the shipped schema.
    const packageJson = join(dirname(require.resolve("vega-lite/vega-lite-schema.json")), "..", "package.json");
    const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
    expect(VEGA_LITE_SCHEMA).toBe(`https://vega.github.io/schema/vega-lite/v${version.split(".")[0]}.json`);
  });
});
