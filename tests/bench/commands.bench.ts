/**
 * Benchmark of the commands a user runs (issue 13): `npx tsx tests/bench/commands.bench.ts`.
 *
 * On the seeded 100k- and 1M-row survey files (30 questions; 8 strata × 400 PSUs, each record in
 * a random PSU), times each command as a whole process — `node dist/cli.js …`, Node's start and
 * module loading included — in alternating rounds, and prints its median wall time, its peak
 * RSS (from /usr/bin/time, the largest over the rounds), its ratio to the streamed count, and
 * DuckDB doing the same aggregation in its own process (`duckdbJobs.mjs`) where
 * @duckdb/node-api runs:
 * - count: `estimate --stream` of every question (no design);
 * - report: `report --out report.html` (every question, no design);
 * - estimate --by: `estimate --by sex` (no design);
 * - crosstab: `crosstab --rows q02 --cols sex` (no design);
 * - crosstab design: the same crosstab with the design (its Rao–Scott test);
 * - design: `estimate --stream` of every question with the design (weights, strata, PSUs).
 * Environment: BENCH_ROUNDS (default 3), BENCH_SIZES (e.g. "100k"), BENCH_JOBS (e.g. "count,design").
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dataDir, duckdbRuns, ensureBuilt, median, root, sizes, surveyFile, timed, type Run } from "./benchFiles";
import { fixtureCodebook } from "./surveyFixture";

const here = dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const cli = join(root, "dist", "cli.js");

interface Job {
  name: string;
  /** svyprop's arguments, given the file, the codebooks and a scratch folder. */
  args: (file: string, plain: string, design: string, scratch: string) => string[];
  /** The duckdbJobs.mjs job doing the same aggregation. */
  duckdb: "count" | "by" | "crosstab" | "crosstab-design" | "design";
}

const ALL_JOBS: Job[] = [
  { name: "count", args: (file, plain) => ["estimate", file, "--codebook", plain, "--stream", "--json"], duckdb: "count" },
  { name: "report", args: (file, plain, _, scratch) => ["report", file, "--codebook", plain, "--out", join(scratch, "report.html")], duckdb: "count" },
  { name: "estimate --by", args: (file, plain) => ["estimate", file, "--codebook", plain, "--by", "sex", "--json"], duckdb: "by" },
  { name: "crosstab", args: (file, plain) => ["crosstab", file, "--codebook", plain, "--rows", "q02", "--cols", "sex", "--json"], duckdb: "crosstab" },
  { name: "crosstab design", args: (file, _, design) => ["crosstab", file, "--codebook", design, "--rows", "q02", "--cols", "sex", "--json"], duckdb: "crosstab-design" },
  { name: "design", args: (file, _, design) => ["estimate", file, "--codebook", design, "--stream", "--json"], duckdb: "design" },
];
const JOBS = ALL_JOBS.filter((job) => !process.env.BENCH_JOBS || process.env.BENCH_JOBS.split(",").includes(job.name));

const pad = (text: string, width: number) => text.padStart(width);

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const codebook = fixtureCodebook();
  const design = join(dataDir, "codebook.json");
  const plain = join(dataDir, "codebook-plain.json");
  writeFileSync(design, JSON.stringify(codebook, null, 2));
  const { design: _design, ...withoutDesign } = codebook;
  writeFileSync(plain, JSON.stringify(withoutDesign, null, 2));
  const files = await Promise.all(sizes.map(async ([name, rows]) => [name, await surveyFile(name, rows)] as const));
  ensureBuilt();
  const withDuckdb = duckdbRuns();
  if (!withDuckdb) console.log("DuckDB skipped: @duckdb/node-api does not install or run here");
  const scratch = mkdtempSync(join(tmpdir(), "svyprop-bench-"));
  try {
    for (const [name, file] of files) {
      const megabytes = statSync(file).size / 1e6;
      console.log(`\n${name} rows, ${megabytes.toFixed(0)} MB, ${rounds} alternating rounds (median wall time; peak RSS the largest), whole processes`);
      const runs = new Map<string, Run[]>();
      const keys = JOBS.flatMap((job) => [`svyprop ${job.name}`, ...(withDuckdb ? [`duckdb ${job.duckdb}`] : [])]);
      const unique = [...new Set(keys)];
      for (let round = 0; round < rounds; round++) {
        // Rotate the order each round so no job always runs first (cold cache) or last.
        const order = unique.map((_, i) => unique[(i + round) % unique.length] as string);
        for (const key of order) {
          const [tool, ...rest] = key.split(" ");
          const jobName = rest.join(" ");
          const run =
            tool === "svyprop"
              ? timed(process.execPath, [cli, ...(JOBS.find((job) => job.name === jobName) as Job).args(file, plain, design, scratch)])
              : timed(process.execPath, [join(here, "duckdbJobs.mjs"), jobName, file, plain]);
          runs.set(key, [...(runs.get(key) ?? []), run]);
        }
      }
      const stat = (key: string) => {
        const list = runs.get(key) as Run[];
        return { seconds: median(list.map((run) => run.seconds)), rss: Math.max(...list.map((run) => run.rssMiB)) };
      };
      const count = stat("svyprop count");
      console.log(`| job             | svyprop s | MB/s  | peak RSS MiB | × count | DuckDB s | DuckDB RSS MiB | × DuckDB |`);
      console.log(`| --------------- | --------- | ----- | ------------ | ------- | -------- | -------------- | -------- |`);
      for (const job of JOBS) {
        const ours = stat(`svyprop ${job.name}`);
        const duck = withDuckdb ? stat(`duckdb ${job.duckdb}`) : undefined;
        console.log(
          `| ${job.name.padEnd(15)} | ${pad(ours.seconds.toFixed(2), 9)} | ${pad((megabytes / ours.seconds).toFixed(0), 5)} | ${pad(ours.rss.toFixed(0), 12)} | ${pad((ours.seconds / count.seconds).toFixed(2), 7)} | ${pad(duck ? duck.seconds.toFixed(2) : "–", 8)} | ${pad(duck ? duck.rss.toFixed(0) : "–", 14)} | ${pad(duck ? (ours.seconds / duck.seconds).toFixed(2) : "–", 8)} |`,
        );
      }
      if (JOBS.some((job) => job.name === "design")) {
        console.log(`design estimate / streamed count: ${(stat("svyprop design").seconds / count.seconds).toFixed(2)} (target ≤ 2)`);
      }
      console.log("DuckDB jobs: count = UNPIVOT … GROUP BY question, value (also beside report); by = the same by sex; crosstab = GROUP BY q02, sex; crosstab-design = GROUP BY stratum, psu, q02, sex: count and Σ weight; design = per stratum, PSU, question and value: count and Σ weight (the design's sufficient statistics; DuckDB has no design variance)");
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
