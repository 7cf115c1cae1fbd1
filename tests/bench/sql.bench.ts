/**
 * Benchmark of the SQL path (issue 16): `npx tsx tests/bench/sql.bench.ts` (part of `npm run bench`).
 *
 * Design estimates of every question of the seeded survey (30 questions; weights, 8 strata × 400
 * PSUs), each command a whole process (`node dist/cli.js estimate … --json`), median wall time and
 * peak RSS:
 * - csv stream: svyprop's own streaming reader on the CSV (`--stream`);
 * - parquet duckdb: the same rows as Parquet, through DuckDB (svyprop's tally query);
 * - csv duckdb: the CSV read by DuckDB (`--engine duckdb`).
 * Files: the 1M-row bench CSV and its Parquet copy, and a 10M-row file generated from it (ten
 * copies, each with its own PSU ids), as Parquet and CSV; none is committed (tests/bench/.data/).
 * Environment: BENCH_ROUNDS (default 3; the 10M files run once unless BENCH_ROUNDS_10M is set),
 * BENCH_SQL_10M=0 leaves the 10M file out.
 */
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir, duckdbRuns, ensureBuilt, median, root, surveyFile, timed, type Run } from "./benchFiles";
import { fixtureCodebook } from "./surveyFixture";

const cli = join(root, "dist", "cli.js");

/** Runs DuckDB statements in this process (only to make the bench files). */
async function duckdb(sql: string): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
}

/** Writes `path` with a DuckDB COPY unless it is there. */
async function made(path: string, select: string, format: "parquet" | "csv"): Promise<string> {
  if (existsSync(path)) return path;
  console.log(`generating ${path} …`);
  const partial = `${path}.partial`;
  await duckdb(`COPY (${select}) TO '${partial}' (FORMAT ${format}${format === "csv" ? ", HEADER" : ""})`);
  renameSync(partial, path);
  return path;
}

async function main(): Promise<void> {
  if (!duckdbRuns()) {
    console.log("SQL bench skipped: @duckdb/node-api does not install or run here");
    return;
  }
  mkdirSync(dataDir, { recursive: true });
  const codebook = join(dataDir, "codebook.json");
  writeFileSync(codebook, JSON.stringify(fixtureCodebook(), null, 2));
  const csv1M = await surveyFile("1M", 1_000_000);
  const parquet1M = await made(join(dataDir, "survey-1M.parquet"), `SELECT * FROM read_csv('${csv1M}', header = true)`, "parquet");
  // Ten copies of the 1M rows; each copy's PSUs are new PSUs (ids suffixed by the copy), so the design has 10 × 3200 PSUs.
  const tenfold = `SELECT * EXCLUDE (copy) REPLACE (CAST(psu AS VARCHAR) || '-' || CAST(copy AS VARCHAR) AS psu) FROM read_parquet('${parquet1M}'), (SELECT range AS copy FROM range(10))`;
  const files: Array<[string, Record<string, string>, number]> = [["1M", { "csv stream": csv1M, "parquet duckdb": parquet1M, "csv duckdb": csv1M }, Number(process.env.BENCH_ROUNDS ?? 3)]];
  if (process.env.BENCH_SQL_10M !== "0") {
    const parquet10M = await made(join(dataDir, "survey-10M.parquet"), tenfold, "parquet");
    const csv10M = await made(join(dataDir, "survey-10M.csv"), `SELECT * FROM read_parquet('${parquet10M}')`, "csv");
    files.push(["10M", { "csv stream": csv10M, "parquet duckdb": parquet10M, "csv duckdb": csv10M }, Number(process.env.BENCH_ROUNDS_10M ?? 1)]);
  }
  ensureBuilt();
  const args: Record<string, (file: string) => string[]> = {
    "csv stream": (file) => ["estimate", file, "--codebook", codebook, "--stream", "--json"],
    "parquet duckdb": (file) => ["estimate", file, "--codebook", codebook, "--json"],
    "csv duckdb": (file) => ["estimate", file, "--codebook", codebook, "--engine", "duckdb", "--json"],
  };
  for (const [name, byJob, rounds] of files) {
    console.log(`\n${name} rows, design estimate of every question, ${rounds} alternating round(s) (median wall time; peak RSS the largest), whole processes`);
    const jobs = Object.keys(byJob);
    const runs = new Map<string, Run[]>();
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < jobs.length; i++) {
        const job = jobs[(i + round) % jobs.length] as string;
        runs.set(job, [...(runs.get(job) ?? []), timed(process.execPath, [cli, ...(args[job] as (file: string) => string[])(byJob[job] as string)])]);
      }
    }
    console.log("| job            | file MB | seconds | peak RSS MiB | × csv stream |");
    console.log("| -------------- | ------- | ------- | ------------ | ------------ |");
    const base = median((runs.get("csv stream") as Run[]).map((run) => run.seconds));
    for (const job of jobs) {
      const list = runs.get(job) as Run[];
      const seconds = median(list.map((run) => run.seconds));
      const rss = Math.max(...list.map((run) => run.rssMiB));
      const megabytes = statSync(byJob[job] as string).size / 1e6;
      console.log(`| ${job.padEnd(14)} | ${megabytes.toFixed(0).padStart(7)} | ${seconds.toFixed(2).padStart(7)} | ${rss.toFixed(0).padStart(12)} | ${(seconds / base).toFixed(2).padStart(12)} |`);
    }
  }
}

await main();
