// Validates specs against the JSON schema shipped in the installed vega-lite package.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const require = createRequire(import.meta.url);
const schemaPath = require.resolve("vega-lite/vega-lite-schema.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as object;
// Vega-Lite's schema uses keywords ajv's strict mode does not know; formats are not checked.
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

/** The schema errors of a spec, as readable lines (empty when the spec is valid). */
export function vegaLiteSchemaErrors(spec: unknown): string[] {
  if (validate(spec)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}
