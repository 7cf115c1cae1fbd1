import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import { SurveyError } from "../../src/errors";
import { repoRoot } from "../paths";
import { docsCodebooks, repositoryCodebooks } from "./docsCodebooks";

const schema = JSON.parse(readFileSync(join(repoRoot, "codebook.schema.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

const schemaAccepts = (json: unknown): boolean => validate(json) === true;
function parseAccepts(json: unknown): boolean {
  try {
    parseCodebook(json);
    return true;
  } catch (error) {
    if (error instanceof SurveyError && error.code === "E_CODEBOOK") return false;
    throw error;
  }
}

const validCorpus: Array<[string, unknown]> = [...repositoryCodebooks(), ...docsCodebooks()];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mutation = { description: string; codebook: Json };

/** Values of the wrong JSON type for a field holding `value`. */
function wrongTypes(value: Json): Json[] {
  if (typeof value === "string") return [42, null, {}, ["x"]];
  if (typeof value === "number") return ["1x", null, {}];
  if (typeof value === "boolean") return ["true", 1];
  if (Array.isArray(value)) return ["x", {}, 42, [{}]];
  if (value === null) return ["x"];
  return ["x", [], 42];
}

/** Words no enum-like field takes. */
const ENUM_FIELDS = new Set(["type", "lonelyPsu", "method"]);
/**
 * Maps whose keys refer to other parts of the codebook (a multi question's category codes, a
 * margin's values adding up to the other margins' total): removing one entry is a cross-field
 * error, which is parseCodebook's alone (see the cases below).
 */
const CROSS_REFERENCED_MAPS = new Set(["columns", "population"]);

/**
 * Every single-step corruption of a codebook: each value replaced by values of the wrong type,
 * each enum-like word by an unknown word, each object field deleted (but for entries of the
 * cross-referenced maps).
 */
function mutations(root: Json): Mutation[] {
  const found: Mutation[] = [];
  const visit = (value: Json, path: Array<string | number>): void => {
    if (path.length > 0) {
      for (const replacement of wrongTypes(value)) {
        found.push({ description: `${path.join(".")} = ${JSON.stringify(replacement)}`, codebook: replaced(root, path, replacement) });
      }
      if (ENUM_FIELDS.has(String(path.at(-1))) && typeof value === "string") {
        found.push({ description: `${path.join(".")} = "sometimes"`, codebook: replaced(root, path, "sometimes") });
      }
    }
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === "object") {
      const isMap = CROSS_REFERENCED_MAPS.has(String(path.at(-1)));
      for (const [key, item] of Object.entries(value)) {
        if (!isMap) found.push({ description: `delete ${[...path, key].join(".")}`, codebook: replaced(root, [...path, key], undefined) });
        visit(item, [...path, key]);
      }
    }
  };
  visit(root, []);
  return found;
}

function replaced(root: Json, path: Array<string | number>, replacement: Json | undefined): Json {
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

describe("codebook.schema.json and parseCodebook agree", () => {
  it.each(validCorpus)("both accept %s", (_, codebook) => {
    expect(parseAccepts(codebook)).toBe(true);
    expect(validate(codebook), JSON.stringify(validate.errors)).toBe(true);
  });

  it("give the same verdict on every single-step corruption of every valid codebook", () => {
    let rejected = 0;
    let total = 0;
    const disagreements: string[] = [];
    for (const [name, codebook] of validCorpus) {
      for (const mutation of mutations(codebook as Json)) {
        total += 1;
        const byParse = parseAccepts(mutation.codebook);
        const bySchema = schemaAccepts(mutation.codebook);
        if (!byParse) rejected += 1;
        if (byParse !== bySchema) disagreements.push(`${name}: ${mutation.description} (parseCodebook ${byParse}, schema ${bySchema})`);
      }
    }
    expect(disagreements).toEqual([]);
    // Most corruptions are refused (a few are harmless: deleting an optional field, fpc as a column name).
    expect(rejected).toBeGreaterThan(0.8 * total);
    expect(total).toBeGreaterThan(2000);
  });

  const yesNo = { type: "binary", positive: ["yes"], negative: ["no"] };
  it.each([
    ["duplicate question ids", { questions: [{ id: "q", column: "a", ...yesNo }, { id: "q", column: "b", ...yesNo }] }],
    ["a value meaning two categories", { questions: [{ id: "q", column: "a", type: "binary", positive: ["1"], negative: ["1"] }] }],
    ["a filter naming an unknown question", { questions: [{ id: "q", column: "a", ...yesNo, filter: { question: "nope", equals: "yes" } }] }],
    ["a filter cycle", { questions: [{ id: "q", column: "a", ...yesNo, filter: { question: "q", equals: "yes" } }] }],
    ["levelLabels of the wrong length", { questions: [{ id: "q", column: "a", type: "likert", levels: ["1", "2"], levelLabels: ["Low"] }] }],
    ["option columns that miss a category", { questions: [{ id: "q", type: "multi", columns: { a: "col_a" }, categories: [{ code: "a", label: "A", values: [] }, { code: "b", label: "B", values: [] }] }] }],
    ["margins with different totals", { design: { calibration: { method: "rake", margins: [{ column: "s", population: { F: 1, M: 2 } }, { column: "p", population: { r: 1 } }] } }, questions: [{ id: "q", column: "a", ...yesNo }] }],
  ])("leave %s to parseCodebook (no JSON Schema can say it)", (_, codebook) => {
    expect(schemaAccepts(codebook)).toBe(true);
    expect(parseAccepts(codebook)).toBe(false);
  });
});

describe("the package ships the schema", () => {
  it.each(repositoryCodebooks())("%s points to it by $schema", (file, codebook) => {
    const target = (codebook as { $schema?: string }).$schema;
    expect(target).toBeTypeOf("string");
    expect(resolve(repoRoot, dirname(file), target as string)).toBe(join(repoRoot, "codebook.schema.json"));
  });

  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
  it("as svyprop/codebook.schema.json, in the published files", () => {
    expect(pkg.exports["./codebook.schema.json"]).toBe("./codebook.schema.json");
    expect(pkg.files).toContain("codebook.schema.json");
  });
});
