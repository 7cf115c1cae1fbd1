import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import type { CsvTable } from "../../src/load";
import { fixtureCodebook, fixtureCsv } from "../bench/surveyFixture";
import { readTable } from "../../src/load";
import { captureIO } from "./io";

/**
 * svyprop estimate through DuckDB (Parquet, a .duckdb table, a CSV with --engine duckdb) and from
 * a warehouse's result (svyprop sql → the engine → --from-tally) prints the estimates and
 * accounts the CSV read whole prints, and counts the bad values and skip-logic violations it
 * cannot place on a row.
 */
const folder = mkdtempSync(join(tmpdir(), "svyprop-cli-sql-"));
const csv = join(folder, "survey.csv");
const codebook = join(folder, "codebook.json");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Every field quoted, so DuckDB's CSV reader and svyprop's read the same cells. */
function toCsv(table: CsvTable): string {
  const field = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return [table.header, ...table.rows].map((row) => row.map(field).join(",")).join("\n") + "\n";
}

async function duckdb(sql: string, database = ":memory:"): Promise<void> {
  const instance = await DuckDBInstance.create(database);
  const connection = await instance.connect();
  await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
}

beforeAll(async () => {
  // Bad values ("peut-être") and skip-logic violations (q04 answered without q01 = yes); no ragged rows.
  const table = await readTable(new TextEncoder().encode(fixtureCsv({ rows: 800, seed: 5, problems: true })));
  const even = { ...table, rows: table.rows.filter((row) => row.length === table.header.length) };
  writeFileSync(csv, toCsv(even));
  writeFileSync(codebook, JSON.stringify(fixtureCodebook()));
  const read = `read_csv('${csv}', all_varchar = true, header = true)`;
  await duckdb(`COPY (SELECT * FROM ${read}) TO '${join(folder, "survey.parquet")}' (FORMAT parquet)`);
  await duckdb(`CREATE TABLE answers AS SELECT * FROM ${read}`, join(folder, "survey.duckdb"));
}, 60_000);

async function estimateJson(...args: string[]): Promise<{ estimates: unknown[]; report: { rowsRead: number; questions: unknown; issues: Array<{ code: string }>; counted?: Array<{ code: string; rows: number }> } }> {
  const io = captureIO();
  expect(await runCli(["estimate", ...args, "--codebook", codebook, "--json"], io), io.err()).toBe(0);
  return JSON.parse(io.out());
}

describe("svyprop estimate through SQL", () => {
  it("gives the CSV's estimates and accounts from Parquet, a DuckDB table, a CSV read by DuckDB and a warehouse's result", async () => {
    const whole = await estimateJson(csv);
    const sqlIo = captureIO();
    expect(await runCli(["sql", "--codebook", codebook, "--table", "answers", "--dialect", "duckdb"], sqlIo)).toBe(0);
    const result = join(folder, "result.csv");
    await duckdb(`COPY (${sqlIo.out()}) TO '${result}' (HEADER)`, join(folder, "survey.duckdb"));
    const bad = whole.report.issues.filter((issue) => issue.code === "E_BAD_VALUE").length;
    const skips = whole.report.issues.filter((issue) => issue.code === "E_SKIP_LOGIC").length;
    expect(bad).toBeGreaterThan(0);
    expect(skips).toBeGreaterThan(0);
    for (const args of [[join(folder, "survey.parquet")], [join(folder, "survey.duckdb"), "--table", "answers"], [csv, "--engine", "duckdb"], ["--from-tally", result]]) {
      const through = await estimateJson(...args);
      expect(through.estimates.length).toBe(whole.estimates.length);
      through.estimates.forEach((row, i) => {
        const want = whole.estimates[i] as Record<string, unknown>;
        for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
          if (typeof value === "number" && Number.isFinite(value)) expect(value).toBeCloseTo(want[key] as number, 11);
          else expect(value).toEqual(want[key]);
        }
      });
      expect(through.report.questions).toEqual(whole.report.questions);
      const counted = (code: string) => (through.report.counted ?? []).filter((issue) => issue.code === code).reduce((sum, issue) => sum + issue.rows, 0);
      expect([counted("E_BAD_VALUE"), counted("E_SKIP_LOGIC")]).toEqual([bad, skips]);
    }
  }, 120_000);

  it("says on stderr that the engine counted the problems it cannot place on a row", async () => {
    const io = captureIO();
    expect(await runCli(["estimate", join(folder, "survey.parquet"), "--codebook", codebook, "--question", "q04"], io)).toBe(0);
    expect(io.err()).toMatch(/problem\(s\) found/);
    expect(io.err()).toMatch(/Counted by the SQL engine's GROUP BY, which gives no row numbers:\n {2}E_SKIP_LOGIC column "q04", value "\w+": answered, but the question's filter excludes this respondent \(\d+ rows?\)/);
  });

  it("refuses what SQL cannot do, naming the reason", async () => {
    const run = async (...args: string[]) => {
      const io = captureIO();
      return [await runCli(args, io), io.err()] as const;
    };
    expect(await run("estimate", join(folder, "survey.duckdb"), "--codebook", codebook)).toEqual([2, expect.stringMatching(/name the one to read with --table/)]);
    expect(await run("estimate", join(folder, "survey.parquet"), "--codebook", codebook, "--by", "sex")).toEqual([2, expect.stringMatching(/--by is not available through SQL/)]);
    expect(await run("estimate", csv, "--from-tally", csv, "--codebook", codebook)).toEqual([2, expect.stringMatching(/give one or the other/)]);
    const raked = join(folder, "raked.json");
    writeFileSync(raked, JSON.stringify({ ...fixtureCodebook(), design: { weights: "weight", calibration: { method: "postStratify", margins: [{ column: "sex", population: { F: 1, M: 1 } }] } } }));
    expect(await run("sql", "--codebook", raked)).toEqual([2, expect.stringMatching(/calibrated design .* cannot go through SQL/)]);
    const truncated = join(folder, "truncated.csv");
    writeFileSync(truncated, readFileSync(join(folder, "result.csv"), "utf8").split("\n").slice(0, -5).join("\n"));
    expect(await run("estimate", "--from-tally", truncated, "--codebook", codebook)).toEqual([3, expect.stringMatching(/not one tally query's whole result/)]);
  });

  it("prints a query whose names stay names, in the dialect asked for", async () => {
    const io = captureIO();
    expect(await runCli(["sql", "--codebook", codebook, "--table", 'proj.data"set.t`b', "--dialect", "bigquery", "--question", "sex"], io)).toBe(0);
    expect(io.out()).toContain("FROM `proj`.`data\"set`.`t\\`b`");
    expect(io.out()).toContain("CAST(`weight` AS FLOAT64)");
    const standard = captureIO();
    expect(await runCli(["sql", "--codebook", codebook, "--table", 'x"; DROP TABLE y; --', "--question", "sex"], standard)).toBe(0);
    expect(standard.out()).toContain('FROM "x""; DROP TABLE y; --"');
  });
});
