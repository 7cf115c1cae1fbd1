/**
 * Benchmark (not a vitest test): Fisher's exact test on r × c tables with the network algorithm
 * (the reference tables of tests/reference/exact-tests/), and the Monte Carlo p-value with
 * B = 2000. Run: npx tsx tests/bench/fisher.bench.ts
 * Prints the median wall time and the CPU time of several runs for each table.
 */
import { readFileSync } from "node:fs";
import { fisherExactTest } from "../../src/stats/fisherExactTest";

interface ReferenceCase {
  test: string;
  name?: string;
  table?: number[][];
}
const RUNS = 5;
const cases: ReferenceCase[] = JSON.parse(readFileSync(new URL("../reference/exact-tests/exact-tests.json", import.meta.url), "utf8"));

function time(run: () => unknown): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpu);
    walls.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return { wall: median(walls), cpu: median(cpus) };
}

for (const c of cases.filter((r) => r.test === "fisher.test r x c")) {
  const table = c.table as number[][];
  const n = table.flat().reduce((a, b) => a + b, 0);
  const label = `${c.name} (${table.length} × ${table[0]!.length}, n = ${n})`.padEnd(34);
  const exact = time(() => fisherExactTest(table));
  const simulated = time(() => fisherExactTest(table, { simulatePValue: true }));
  console.log(`${label} exact ${exact.wall.toFixed(0).padStart(5)} ms (cpu ${exact.cpu.toFixed(0)} ms)   Monte Carlo B = 2000 ${simulated.wall.toFixed(0).padStart(4)} ms`);
}
