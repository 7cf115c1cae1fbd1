/**
 * Benchmark of the streaming tally (issue 8): `npx tsx tests/bench/tally.bench.ts`.
 *
 * Generates (seeded, once) 100k- and 1M-row survey files under tests/bench/.data/, builds
 * dist/ when the sources are newer, then times each job in its own process — svyprop on one
 * and two worker threads, svyprop filling the design tallies too (design-2: weights, strata and
 * PSUs of all 30 questions, two threads), a hand-written papaparse streaming tally, and DuckDB where
 * @duckdb/node-api runs — in alternating rounds, and prints median wall time, MB/s, peak RSS,
 * median CPU time (all threads; steadier than wall time when the machine is shared), ratios
 * and the targets. MB/s and ratios are from wall time. Environment: BENCH_ROUNDS (default 5), BENCH_SIZES (e.g. "100k").
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dataDir, duckdbRuns, ensureBuilt, median, root, sizes, surveyFile } from "./benchFiles";
import { fixtureCodebook } from "./surveyFixture";

const here = dirname(fileURLToPath(import.meta.url));
const jobScript = join(here, "tallyJobs.mjs");
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

/** Reference figures from the issue, measured on this kind of 2-core machine. */
const DUCKDB_MB_PER_S = 181;
const RSS_LIMIT_MIB = 150;

interface JobRun {
  ms: number;
  /** CPU time of all the job's threads: less sensitive than wall time to other load on the machine. */
  cpuMs: number;
  rssMiB: number;
  digest: Record<string, string>;
}

function runJob(kind: string, file: string, codebook: string): JobRun {
  const output = execFileSync(process.execPath, [jobScript, kind, file, codebook], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(output.trim().split("\n").at(-1) as string) as JobRun;
}

const pad = (text: string, width: number) => text.padStart(width);

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const codebookPath = join(dataDir, "codebook.json");
  writeFileSync(codebookPath, JSON.stringify(fixtureCodebook(), null, 2));
  const files = await Promise.all(sizes.map(async ([name, rows]) => [name, await surveyFile(name, rows)] as const));
  ensureBuilt();
  const jobs = ["svyprop-1", "svyprop-2", "design-2", "papaparse"];
  if (duckdbRuns()) jobs.push("duckdb");
  else console.log("DuckDB skipped: @duckdb/node-api does not install or run here");

  for (const [name, file] of files) {
    const megabytes = statSync(file).size / 1e6;
    console.log(`\n${name} rows, ${megabytes.toFixed(0)} MB, ${rounds} alternating rounds (median of each job)`);
    const runs = new Map<string, JobRun[]>(jobs.map((job) => [job, []]));
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round so no job always runs first (cold cache) or last.
      const order = jobs.map((_, i) => jobs[(i + round) % jobs.length] as string);
      for (const job of order) runs.get(job)?.push(runJob(job, file, codebookPath));
    }
    const reference = JSON.stringify(runs.get("svyprop-1")?.[0]?.digest);
    const stats = new Map(
      jobs.map((job) => {
        const list = runs.get(job) as JobRun[];
        const ms = median(list.map((run) => run.ms));
        return [job, { ms, cpuMs: median(list.map((run) => run.cpuMs)), mbps: megabytes / (ms / 1000), rss: Math.max(...list.map((run) => run.rssMiB)), same: list.every((run) => JSON.stringify(run.digest) === reference) }];
      }),
    );
    const papa = stats.get("papaparse");
    const duck = stats.get("duckdb");
    console.log(`| job       | median ms |   MB/s | median CPU ms | peak RSS MiB | × papaparse | × DuckDB | same counts |`);
    console.log(`| --------- | --------- | ------ | ------------- | ------------ | ----------- | -------- | ----------- |`);
    for (const [job, stat] of stats) {
      const versus = (other?: { mbps: number }) => (other ? `${(stat.mbps / other.mbps).toFixed(2)}` : "–");
      console.log(
        `| ${job.padEnd(9)} | ${pad(stat.ms.toFixed(0), 9)} | ${pad(stat.mbps.toFixed(1), 6)} | ${pad(stat.cpuMs.toFixed(0), 13)} | ${pad(stat.rss.toFixed(0), 12)} | ${pad(versus(papa), 11)} | ${pad(versus(duck), 8)} | ${pad(stat.same ? "yes" : "NO", 11)} |`,
      );
    }
    const one = stats.get("svyprop-1");
    const best = Math.max(...["svyprop-1", "svyprop-2"].map((job) => stats.get(job)?.mbps ?? 0));
    const peak = Math.max(...["svyprop-1", "svyprop-2"].map((job) => stats.get(job)?.rss ?? 0));
    const mark = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(`targets: svyprop ≥ ${DUCKDB_MB_PER_S} MB/s (issue's DuckDB figure): ${best.toFixed(1)} — ${mark(best >= DUCKDB_MB_PER_S)}`);
    if (duck) console.log(`         svyprop wall time ≤ DuckDB's in this run: ${mark(best >= duck.mbps)}`);
    if (one && papa) console.log(`         one worker ≥ 0.9 × papaparse: ${(one.mbps / papa.mbps).toFixed(2)} — ${mark(one.mbps >= 0.9 * papa.mbps)}`);
    console.log(`         peak RSS ≤ ${RSS_LIMIT_MIB} MiB: ${peak.toFixed(0)} — ${mark(peak <= RSS_LIMIT_MIB)}`);
  }
}

await main();
