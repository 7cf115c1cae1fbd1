/**
 * Every survey fixture of the test suite with a design to read it with: the loading cases of
 * tests/fixtures/cases.json (plain, Windows-1252, Qualtrics, LimeSurvey, REDCap with one 0/1
 * column per option, filters, missing codes, bad values), the R oracle's weighted, stratified
 * (with fpc) and clustered files, the generated 30-question survey (filters, multi-select, bad
 * values, quoted line breaks) under five designs, and the shipped Moubarak dataset.
 * Left out: ragged rows and repeated respondent ids, which a SQL table cannot hold the way a CSV does
 * (a table has no ragged rows and no row order to say which repeat is the first).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCodebook, type Codebook } from "../../src/codebook";
import { readTable, type CsvTable, type ExportFormat } from "../../src/load";
import { fixtureCodebook, fixtureCsv } from "../bench/surveyFixture";
import { oracleData, repoRoot } from "../paths";

export interface SqlFixture {
  name: string;
  table: () => Promise<CsvTable>;
  codebook: Codebook;
}

const fixture = (name: string) => join(repoRoot, "tests", "fixtures", name);
const json = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

interface LoadingCase {
  file: string;
  codebook?: string;
  codebookPatch?: Record<string, unknown>;
  format?: ExportFormat;
  delimiter?: string;
  error?: unknown;
  options?: unknown;
  expect?: string | { issues?: Array<{ code: string }> };
}

function loadingCases(): SqlFixture[] {
  const cases = (json(fixture("cases.json")).cases as LoadingCase[]).filter(
    (c) =>
      c.error === undefined &&
      !(typeof c.expect === "object" && c.expect.issues?.some((issue) => issue.code === "E_RAGGED_ROW" || issue.code === "E_DUPLICATE_ID")),
  );
  return cases.map((c) => ({
    name: `${c.file} (${c.codebook ?? "codebook.json"})`,
    table: () => readTable(fixture(c.file), { ...(c.format === undefined ? {} : { format: c.format }), ...(c.delimiter === undefined ? {} : { delimiter: c.delimiter }) }),
    codebook: parseCodebook({ ...json(fixture(c.codebook ?? "codebook.json")), ...c.codebookPatch }),
  }));
}

const binary = (id: string) => ({ id, column: id, type: "binary", positive: ["1"], negative: ["0"] });
const single = (id: string, levels: readonly string[]) => ({ id, column: id, type: "single", categories: levels.map((l) => ({ code: l, label: l, values: [l] })) });

function oracleDesigns(): SqlFixture[] {
  return (
    [
      ["a_unequal", { weights: "w" }, ["A", "B", "C", "D"]],
      ["b_stratified_fpc", { weights: "w", strata: "stratum", fpc: "fpc" }, ["A", "B", "C"]],
      ["c_strat_cluster", { weights: "w", strata: "stratum", cluster: "psu" }, ["A", "B", "C", "D"]],
    ] as const
  ).map(([dataset, design, categories]) => ({
    name: `oracle weighted_${dataset}`,
    table: () => readTable(oracleData(`weighted_${dataset}.csv`)),
    codebook: parseCodebook({ design, questions: [binary("y1"), binary("y2"), single("cat", categories)] }),
  }));
}

function generatedDesigns(): SqlFixture[] {
  const csv = fixtureCsv({ rows: 1200, seed: 11, quotedNewlines: true, problems: true });
  const { design: _, ...base } = fixtureCodebook();
  const designs: Array<[string, Codebook["design"]]> = [
    ["stratified, clustered, weighted", { weights: "weight", strata: "stratum", cluster: "psu" }],
    ["weighted", { weights: "weight" }],
    ["stratified with an fpc and no weights", { strata: "stratum", fpc: 100_000 }],
    ["clustered, unweighted", { cluster: "psu" }],
    ["simple random sample with its population size", { populationSize: 5000 }],
  ];
  return designs.map(([name, design]) => ({
    name: `generated survey, ${name}`,
    table: async () => withoutRaggedRows(await readTable(new TextEncoder().encode(csv))),
    codebook: parseCodebook({ ...base, design }),
  }));
}

/** The table less its ragged rows (the generated file's `problems` drop a field now and then). */
function withoutRaggedRows(table: CsvTable): CsvTable {
  const keep = table.rows.flatMap((row, i) => (row.length === table.header.length ? [i] : []));
  return { ...table, rows: keep.map((i) => table.rows[i] as string[]), rowNumbers: keep.map((i) => table.rowNumbers[i] as number) };
}

export function sqlFixtures(): SqlFixture[] {
  const moubarak = join(repoRoot, "data", "moubarak-2009");
  return [
    ...loadingCases(),
    ...oracleDesigns(),
    ...generatedDesigns(),
    { name: "moubarak-2009", table: () => readTable(join(moubarak, "responses.csv")), codebook: parseCodebook(json(join(moubarak, "codebook.json"))) },
  ];
}
