/** What the process benchmarks share: the seeded survey files, the built package, DuckDB's presence, medians. */
import { execFileSync, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, renameSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureLines } from "./surveyFixture";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..");
/** Generated files (git-ignored). */
export const dataDir = join(here, ".data");

/** The file sizes a bench runs, filtered by BENCH_SIZES (e.g. "100k"). */
export const sizes = Object.entries({ "100k": 100_000, "1M": 1_000_000 }).filter(
  ([name]) => !process.env.BENCH_SIZES || process.env.BENCH_SIZES.split(",").includes(name),
);

/** Writes the seeded survey file of `rows` rows unless it is already there; returns its path. */
export async function surveyFile(name: string, rows: number): Promise<string> {
  const path = join(dataDir, `survey-${name}.csv`);
  if (existsSync(path)) return path;
  await writeLines(path, fixtureLines({ rows, seed: 2026 }));
  return path;
}

/** Writes generated lines to `path`, 10 000 at a time, through a `.partial` file renamed at the end (an interrupted run leaves no half file). */
export async function writeLines(path: string, generated: Iterable<string>): Promise<void> {
  console.log(`generating ${path} …`);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let lines: string[] = [];
  const flush = async () => {
    if (!out.write(lines.join(""))) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    lines = [];
  };
  for (const line of generated) {
    lines.push(line);
    if (lines.length === 10_000) await flush();
  }
  await flush();
  await new Promise<void>((resolve) => out.end(() => resolve()));
  renameSync(partial, path);
}

/** Newest modification time of the files under a folder. */
function newest(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newest(join(folder, entry.name)) : statSync(join(folder, entry.name)).mtimeMs,
    ),
  );
}

/** Builds dist/ (the jobs time the built package, as users run it) when the sources are newer. */
export function ensureBuilt(): void {
  const built = join(root, "dist", "tallyWorker.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, "src"))) return;
  console.log("building dist/ …");
  execFileSync("npx", ["tsup"], { cwd: root, stdio: "ignore" });
}

/** Whether DuckDB's Node client loads and runs here. */
export function duckdbRuns(): boolean {
  try {
    execFileSync(process.execPath, ["-e", 'import("@duckdb/node-api").then(async (d) => (await d.DuckDBInstance.create(":memory:")).closeSync())'], {
      cwd: root,
      stdio: "ignore",
    });
    return true;
  } catch {
    return false;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface Run {
  seconds: number;
  rssMiB: number;
  /** What the process printed. */
  stdout: string;
  /** Killed at the time limit (`seconds` is then the limit). */
  capped: boolean;
}

/**
 * Runs a command as a whole process: wall time, peak RSS as /usr/bin/time reports it, and its
 * output. With `limitSeconds`, coreutils `timeout` ends it at that time (`capped`).
 */
export function timed(command: string, args: string[], limitSeconds?: number): Run {
  const limited = limitSeconds === undefined ? [command, ...args] : ["timeout", String(limitSeconds), command, ...args];
  const started = process.hrtime.bigint();
  const { status, stdout, stderr } = spawnSync("/usr/bin/time", ["-f", "maxrss_kib %M", ...limited], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const capped = limitSeconds !== undefined && status === 124;
  if (status !== 0 && !capped) throw new Error(`${args.join(" ")} failed (${status}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
  const kib = Number(/maxrss_kib (\d+)/.exec(stderr)?.[1]);
  return { seconds, rssMiB: kib / 1024, stdout, capped };
}

/** The versions of R and the R packages a bench's R job uses, by name; undefined without Rscript or library(survey). */
export function rPackages(): Map<string, string> | undefined {
  const packages = ["survey", "jsonlite", "data.table"];
  const script = `suppressMessages(library(survey)); cat("R", paste0(R.version$major, ".", R.version$minor), "\n")
for (p in c(${packages.map((name) => `"${name}"`).join(", ")})) if (requireNamespace(p, quietly = TRUE)) cat(p, as.character(packageVersion(p)), "\n")`;
  const probe = spawnSync("Rscript", ["-e", script], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) return undefined;
  return new Map(probe.stdout.trim().split("\n").map((line) => line.trim().split(" ") as [string, string]));
}
