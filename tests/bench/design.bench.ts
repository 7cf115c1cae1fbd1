/**
 * Benchmark (not a vitest test): five weighted means with Taylor-linearised SEs on a generated,
 * seeded 1M-row stratified clustered survey (50 strata × 40 PSUs × 500 rows, unequal weights).
 * Run: npx tsx tests/bench/design.bench.ts [rows]
 * Prints the median wall time over several runs and the peak RSS; when Rscript and
 * library(survey) are available, runs the same job in R (svydesign + svymean of the five
 * variables; reading the CSV is not timed) and prints its figure beside.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { designMean, designMeans } from "../../src/stats/design";
import { mulberry32 } from "../seededRandom";
import { median, rPackages } from "./benchFiles";

const ROWS = Number(process.argv[2] ?? 1_000_000);
const STRATA = 50;
const PSUS_PER_STRATUM = 40;
const RUNS = 7;


function generate(rows: number) {
  const random = mulberry32(20240611);
  const strata = new Array<number>(rows);
  const cluster = new Array<number>(rows);
  const weights = new Float64Array(rows);
  const ys = Array.from({ length: 5 }, () => new Float64Array(rows));
  const perPsu = Math.ceil(rows / (STRATA * PSUS_PER_STRATUM));
  const psuEffect = new Float64Array(STRATA * PSUS_PER_STRATUM).map(() => (random() - 0.5) * 0.3);
  for (let i = 0; i < rows; i++) {
    const psu = Math.min(Math.floor(i / perPsu), STRATA * PSUS_PER_STRATUM - 1);
    const h = Math.floor(psu / PSUS_PER_STRATUM);
    strata[i] = h + 1;
    cluster[i] = (psu % PSUS_PER_STRATUM) + 1; // numbered within its stratum (nest = TRUE)
    weights[i] = 20 + 180 * random() * (1 + (h % 5));
    for (let k = 0; k < 5; k++) ys[k]![i] = random() < 0.2 + 0.12 * k + psuEffect[psu]! ? 1 : 0;
  }
  return { strata, cluster, weights, ys };
}

function time(label: string, job: () => unknown): number {
  const times: number[] = [];
  let result: unknown;
  for (let r = 0; r < RUNS; r++) {
    const start = process.hrtime.bigint();
    result = job();
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  void result;
  const m = median(times);
  console.log(`${label.padEnd(52)} median ${m.toFixed(3)} s over ${RUNS} runs (min ${Math.min(...times).toFixed(3)} s)`);
  return m;
}

const data = generate(ROWS);
console.log(`svyprop design benchmark: ${ROWS.toLocaleString("en-US")} rows, ${STRATA} strata × ${PSUS_PER_STRATUM} PSUs, 5 binary variables, Node ${process.version}`);
const design = { weights: data.weights, strata: data.strata, cluster: data.cluster };
const batch = time("designMeans (5 variables, one pass)", () => designMeans({ ...design, ys: data.ys }));
const separate = time("designMean × 5 (one pass each)", () => data.ys.map((y) => designMean({ ...design, y })));
const estimates = designMeans({ ...design, ys: data.ys });
for (const [k, e] of estimates.entries()) console.log(`  y${k + 1}: mean ${e.estimate.toFixed(6)}  se ${e.se.toExponential(6)}  deff ${e.deff.toFixed(4)}  df ${e.df}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (whole process, including the generated data)`);

const packages = rPackages();
if (packages === undefined) {
  console.log("R survey: not run — Rscript or library(survey) is not installed (the issue quotes 17.9 s and 1.5 GiB on a 2-core machine).");
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "svyprop-bench-"));
  try {
    const csv = path.join(dir, "bench.csv");
    const lines = ["stratum,psu,w,y1,y2,y3,y4,y5"];
    for (let i = 0; i < ROWS; i++) lines.push(`${data.strata[i]},${data.cluster[i]},${data.weights[i]},${data.ys.map((y) => y[i]).join(",")}`);
    writeFileSync(csv, lines.join("\n"));
    const script = `suppressMessages(library(survey)); d <- read.csv("${csv}")
t <- replicate(3, system.time({des <- svydesign(ids=~psu, strata=~stratum, weights=~w, nest=TRUE, data=d); m <<- svymean(~y1+y2+y3+y4+y5, des)})[["elapsed"]])
cat("values", sprintf("%.17g", c(coef(m), SE(m))), "\\n")
cat("seconds", median(t), "\\n")
cat("rss_kib", sub("\\\\D*(\\\\d+).*", "\\\\1", grep("VmHWM", readLines("/proc/self/status"), value = TRUE)), "\\n")`;
    const r = spawnSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) console.log(`R failed: ${r.stderr.trim()}`);
    else {
      const field = (name: string): number[] => (new RegExp(`^${name} (.*)$`, "m").exec(r.stdout)?.[1] ?? "").trim().split(/\s+/).map(Number);
      const values = field("values");
      const ours = [...estimates.map((e) => e.estimate), ...estimates.map((e) => e.se)];
      const worst = Math.max(...ours.map((v, i) => Math.abs(v - values[i]!) / Math.abs(values[i]!)));
      const [seconds] = field("seconds");
      const [rssKib] = field("rss_kib");
      console.log(`R ${packages.get("R")} survey ${packages.get("survey")}: svydesign + svymean (5 variables), median ${seconds!.toFixed(3)} s over 3 runs, peak RSS ${(rssKib! / 1024).toFixed(0)} MiB (whole process incl. data)`);
      console.log(`svyprop vs R: ${(seconds! / batch).toFixed(1)}× faster (one pass, same run); estimates and SEs agree to ${worst.toExponential(1)} relative`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`svyprop: ${batch.toFixed(3)} s (one pass), ${separate.toFixed(3)} s (five passes)`);
