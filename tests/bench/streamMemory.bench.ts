/**
 * Peak memory of the streamed tally on hostile files (issue 18): `npx tsx tests/bench/streamMemory.bench.ts`.
 *
 * Generates (once) under tests/bench/.data/ three files that once made the stream's memory grow
 * with something other than the categories — many problems (every cell a bad value), many
 * columns (one question reading one of them), many questions — and tallies each in its own
 * process on one thread, printing wall time, peak RSS, the issues kept and counted, and the size
 * of the report as JSON. Environment: BENCH_SCALE (default 1) multiplies the three sizes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dataDir, root, writeLines } from "./benchFiles";

const here = dirname(fileURLToPath(import.meta.url));
const scale = Number(process.env.BENCH_SCALE ?? 1);
const yesNo = (id: string, column: string) => ({ id, column, type: "binary", positive: ["yes"], negative: ["no"] });

interface HostileFile {
  name: string;
  /** The file's lines, header first, written in blocks. */
  lines: () => Iterable<string>;
  codebook: object;
}

const badCells = Math.round(5_000_000 * scale);
const columns = Math.round(1_000_000 * scale);
const questions = Math.round(10_000 * scale);

const files: HostileFile[] = [
  {
    name: `problems-${badCells}`,
    // Five questions, every cell a distinct bad value: badCells problems.
    *lines() {
      yield "a,b,c,d,e\n";
      for (let row = 0; row < badCells / 5; row++) yield `x${row},y,z,w,v\n`;
    },
    codebook: { questions: ["a", "b", "c", "d", "e"].map((column) => yesNo(column, column)) },
  },
  {
    name: `columns-${columns}`,
    // A wide file (a tracker with one column per item) where the codebook reads one column.
    *lines() {
      yield `${Array.from({ length: columns }, (_, i) => `c${i}`).join(",")}\n`;
      const row = `yes${",".repeat(columns - 1)}\n`;
      for (let i = 0; i < 5; i++) yield row;
    },
    codebook: { questions: [yesNo("q", "c0")] },
  },
  {
    name: `questions-${questions}`,
    *lines() {
      yield `${Array.from({ length: questions }, (_, i) => `q${i}`).join(",")}\n`;
      const row = `${Array.from({ length: questions }, (_, i) => (i % 2 === 0 ? "yes" : "no")).join(",")}\n`;
      for (let i = 0; i < 100; i++) yield row;
    },
    codebook: { questions: Array.from({ length: questions }, (_, i) => yesNo(`q${i}`, `q${i}`)) },
  },
];

async function generate(file: HostileFile): Promise<{ csv: string; codebook: string }> {
  const csv = join(dataDir, `hostile-${file.name}.csv`);
  const codebook = join(dataDir, `hostile-${file.name}.json`);
  writeFileSync(codebook, JSON.stringify(file.codebook));
  if (!existsSync(csv)) await writeLines(csv, file.lines());
  return { csv, codebook };
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  console.log("| file | MB | ms | peak RSS MiB | rows | issues kept | issues counted | report JSON MiB |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const file of files) {
    const { csv, codebook } = await generate(file);
    const output = execFileSync(process.execPath, ["--import", "tsx", join(here, "streamMemoryJob.ts"), csv, codebook], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
    const run = JSON.parse(output.trim().split("\n").at(-1) as string) as { ms: number; rssMiB: number; rowsRead: number; issues: number; omitted: number; jsonMiB: number | string };
    const megabytes = statSync(csv).size / 1e6;
    console.log(
      `| ${file.name} | ${megabytes.toFixed(1)} | ${run.ms.toFixed(0)} | ${run.rssMiB.toFixed(0)} | ${run.rowsRead} | ${run.issues} | ${run.omitted} | ${typeof run.jsonMiB === "number" ? run.jsonMiB.toFixed(1) : run.jsonMiB} |`,
    );
  }
}

await main();
