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
 * - crosstab design: the same crosstab with the design (its Rao–Scott test), streamed;
 * - design: `estimate --stream` of every question with the design (weights, strata, PSUs);
 * - design --by: the same by sex (`estimate --by sex --stream`).
 * Beside the design job, R survey doing the same estimates in its own process (`rSurveyJob.R`)
 * where Rscript, library(survey) and jsonlite are installed, each run capped at BENCH_R_LIMIT
 * seconds (default 600; a capped run ends R's rounds on that file and the table says so); on
 * each file its proportions and SEs are compared with svyprop's.
 * Ends with one markdown table for the README (job, rows, median, peak RSS, × count, DuckDB,
 * R survey), also written to tests/bench/.data/commands.md, which `npm run bench` prints again last.
 * Environment: BENCH_ROUNDS (default 3), BENCH_SIZES (e.g. "100k"), BENCH_JOBS (e.g. "count,design"), BENCH_R_LIMIT.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dataDir, duckdbRuns, ensureBuilt, median, rPackages, root, sizes, surveyFile, timed, type Run } from "./benchFiles";
import { fixtureCodebook } from "./surveyFixture";

const here = dirname(fileURLToPath(import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const rLimitSeconds = Number(process.env.BENCH_R_LIMIT ?? 600);
const cli = join(root, "dist", "cli.js");

interface Job {
  name: string;
  /** The job in the README's table. */
  label: string;
  /** svyprop's arguments, given the file, the codebooks and a scratch folder. */
  args: (file: string, plain: string, design: string, scratch: string) => string[];
  /** The duckdbJobs.mjs job doing the same aggregation. */
  duckdb: "count" | "by" | "crosstab" | "crosstab-design" | "design" | "design-by";
  /** rSurveyJob.R does the same estimates, by a question when `by` names it (svyprop's `--json` output is checked against R's). */
  rSurvey?: { by?: string };
}

const ALL_JOBS: Job[] = [
  { name: "count", label: "streamed count (`estimate --stream`)", args: (file, plain) => ["estimate", file, "--codebook", plain, "--stream", "--json"], duckdb: "count" },
  { name: "report", label: "`report --out report.html`", args: (file, plain, _, scratch) => ["report", file, "--codebook", plain, "--out", join(scratch, "report.html")], duckdb: "count" },
  { name: "estimate --by", label: "`estimate --by sex`", args: (file, plain) => ["estimate", file, "--codebook", plain, "--by", "sex", "--json"], duckdb: "by" },
  { name: "crosstab", label: "`crosstab --rows q02 --cols sex`", args: (file, plain) => ["crosstab", file, "--codebook", plain, "--rows", "q02", "--cols", "sex", "--json"], duckdb: "crosstab" },
  {
    name: "crosstab design",
    label: "`crosstab --rows q02 --cols sex` with the design",
    args: (file, _, design) => ["crosstab", file, "--codebook", design, "--rows", "q02", "--cols", "sex", "--json"],
    duckdb: "crosstab-design",
  },
  { name: "design", label: "streamed design estimate", args: (file, _, design) => ["estimate", file, "--codebook", design, "--stream", "--json"], duckdb: "design", rSurvey: {} },
  {
    name: "design --by",
    label: "streamed design estimate `--by sex`",
    args: (file, _, design) => ["estimate", file, "--codebook", design, "--by", "sex", "--stream", "--json"],
    duckdb: "design-by",
    rSurvey: { by: "sex" },
  },
];
const JOBS = ALL_JOBS.filter((job) => !process.env.BENCH_JOBS || process.env.BENCH_JOBS.split(",").includes(job.name));

/** A process the bench times, by the key its runs are kept under. */
interface Measured {
  command: string;
  args: string[];
  limitSeconds?: number;
}

/** Median wall time and largest peak RSS of a process's runs; `capped` when a run hit the time limit. */
interface Summary {
  seconds: number;
  rss: number;
  capped: boolean;
}

function summary(list: Run[]): Summary {
  const finished = list.filter((run) => !run.capped);
  return {
    seconds: finished.length > 0 ? median(finished.map((run) => run.seconds)) : Number.NaN,
    rss: Math.max(...list.map((run) => run.rssMiB)),
    capped: finished.length < list.length,
  };
}

/** "1.23 s, 45 MiB"; a capped process shows its limit. */
function cell(stat: Summary | undefined): string {
  if (stat === undefined) return "–";
  if (stat.capped) return `> ${rLimitSeconds} s (capped)`;
  return `${stat.seconds.toFixed(2)} s, ${stat.rss.toFixed(0)} MiB`;
}

/** What R and its packages rSurveyJob.R runs with, or why it cannot run here. */
function rSurveySetup(): { versions: string } | { skipped: string } {
  const packages = rPackages();
  if (packages === undefined) return { skipped: "Rscript or library(survey) is not installed (apt-get install r-cran-survey)" };
  if (!packages.has("jsonlite")) return { skipped: "rSurveyJob.R reads the codebook with jsonlite, which is not installed (apt-get install r-cran-jsonlite)" };
  const reader = packages.has("data.table") ? `data.table::fread (data.table ${packages.get("data.table")})` : "read.csv (data.table is not installed)";
  return { versions: `R ${packages.get("R")}, survey ${packages.get("survey")}, reading with ${reader}` };
}

interface JsonEstimate {
  question: string;
  category: string;
  group?: Record<string, string>;
  proportion: number;
  se: number;
}

/** Largest absolute differences between svyprop's `--json` estimates and rSurveyJob.R's lines, category (and group) by category. */
function agreement(svypropJson: string, rLines: string): { estimates: number; proportion: number; se: number } {
  const ours = new Map<string, JsonEstimate>();
  for (const row of (JSON.parse(svypropJson) as { estimates: JsonEstimate[] }).estimates) {
    ours.set([row.question, row.category, Object.values(row.group ?? {}).join(",")].join("\t"), row);
  }
  const lines = rLines.trim().split("\n");
  if (lines.length !== ours.size) throw new Error(`R survey printed ${lines.length} estimates, svyprop ${ours.size}`);
  let proportion = 0;
  let se = 0;
  for (const line of lines) {
    const [question, category, group, rProportion, rSe] = line.split("\t");
    const mine = ours.get([question, category, group].join("\t"));
    if (mine === undefined) throw new Error(`svyprop has no estimate for R's ${question} ${category} ${group}`);
    proportion = Math.max(proportion, Math.abs(mine.proportion - Number(rProportion)));
    se = Math.max(se, Math.abs(mine.se - Number(rSe)));
  }
  return { estimates: lines.length, proportion, se };
}

const HEADER = ["| job | rows | median | peak RSS | × count | DuckDB | R survey |", "| --- | --- | --- | --- | --- | --- | --- |"];

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
  const table: string[] = [];
  const notes: string[] = [];
  const setup = JOBS.some((job) => job.rSurvey) ? rSurveySetup() : undefined;
  if (setup !== undefined && "skipped" in setup) {
    console.log(`R survey skipped: ${setup.skipped}`);
    notes.push(`R survey skipped: ${setup.skipped}`);
  }
  const rSurvey = setup !== undefined && "versions" in setup ? setup.versions : undefined;
  const scratch = mkdtempSync(join(tmpdir(), "svyprop-bench-"));
  try {
    for (const [name, file] of files) {
      const megabytes = statSync(file).size / 1e6;
      const loadBefore = loadavg()[0] as number;
      console.log(`\n${name} rows, ${megabytes.toFixed(0)} MB, ${rounds} alternating rounds (median wall time; peak RSS the largest), whole processes`);
      const processes = new Map<string, Measured>();
      for (const job of JOBS) {
        processes.set(`svyprop ${job.name}`, { command: process.execPath, args: [cli, ...job.args(file, plain, design, scratch)] });
        if (withDuckdb) processes.set(`duckdb ${job.duckdb}`, { command: process.execPath, args: [join(here, "duckdbJobs.mjs"), job.duckdb, file, plain] });
        if (rSurvey !== undefined && job.rSurvey) {
          const by = job.rSurvey.by === undefined ? [] : [job.rSurvey.by];
          processes.set(`R ${job.name}`, { command: "Rscript", args: [join(here, "rSurveyJob.R"), file, design, ...by], limitSeconds: rLimitSeconds });
        }
      }
      const keys = [...processes.keys()];
      const runs = new Map<string, Run[]>();
      for (let round = 0; round < rounds; round++) {
        // Rotate the order each round so no job always runs first (cold cache) or last.
        for (const key of keys.map((_, i) => keys[(i + round) % keys.length] as string)) {
          if (runs.get(key)?.some((run) => run.capped)) continue;
          const { command, args, limitSeconds } = processes.get(key) as Measured;
          const run = timed(command, args, limitSeconds);
          if (run.capped) console.log(`${key} capped: stopped after ${limitSeconds} s on the ${name} file (no more rounds of it there)`);
          runs.set(key, [...(runs.get(key) ?? []), run]);
        }
      }
      const stat = (key: string) => (runs.has(key) ? summary(runs.get(key) as Run[]) : undefined);
      const count = stat("svyprop count");
      const rows: string[] = [];
      for (const job of JOBS) {
        const ours = stat(`svyprop ${job.name}`) as Summary;
        const times = count === undefined ? "–" : (ours.seconds / count.seconds).toFixed(2);
        rows.push(`| ${job.label} | ${name} (${megabytes.toFixed(0)} MB) | ${ours.seconds.toFixed(2)} s | ${ours.rss.toFixed(0)} MiB | ${times} | ${cell(stat(`duckdb ${job.duckdb}`))} | ${cell(stat(`R ${job.name}`))} |`);
        const rRuns = runs.get(`R ${job.name}`)?.filter((run) => !run.capped);
        if (rRuns !== undefined && rRuns.length > 0) {
          const check = agreement((runs.get(`svyprop ${job.name}`) as Run[])[0]?.stdout as string, (rRuns[0] as Run).stdout);
          notes.push(
            `R survey vs svyprop, ${job.name} on the ${name} file: ${check.estimates} estimates, largest difference ${check.proportion.toExponential(1)} in a proportion and ${check.se.toExponential(1)} in an SE`,
          );
        }
      }
      console.log([...HEADER, ...rows].join("\n"));
      if (count !== undefined && JOBS.some((job) => job.name === "design")) {
        console.log(`design estimate / streamed count: ${((stat("svyprop design") as Summary).seconds / count.seconds).toFixed(2)} (target ≤ 2)`);
      }
      notes.push(`load average (1 min) ${loadBefore.toFixed(1)} before the ${name} rounds, ${(loadavg()[0] as number).toFixed(1)} after`);
      table.push(...rows);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  notes.push(
    "DuckDB jobs: count = UNPIVOT … GROUP BY question, value (also beside report); by = the same by sex; crosstab = GROUP BY q02, sex; crosstab-design = GROUP BY stratum, psu, q02, sex: count and Σ weight; design = per stratum, PSU, question and value: count and Σ weight (the design's sufficient statistics; DuckDB has no design variance); design-by = the same by sex",
  );
  if (rSurvey !== undefined) {
    notes.push(
      `R survey (${rSurvey}): rSurveyJob.R reads the file, svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE), svymean of each question's categories in its domain (its valid answers, in each group with --by)`,
    );
  }
  const markdown = [...HEADER, ...table, "", ...notes.map((note) => `- ${note}`)].join("\n");
  writeFileSync(join(dataDir, "commands.md"), `${markdown}\n`);
  console.log(`\n${markdown}`);
}

await main();
