/**
 * Time of Sison–Glaz simultaneous intervals as N grows (issue 18: a minute at N = 10¹⁰, wrong at
 * 10¹²): `npx tsx tests/bench/sisonGlaz.bench.ts`. Prints, per N, the median time of five runs on
 * three cells (0.2, 0.3, 0.5 of N) and √N × half-width, which settles as N grows.
 */
import { multinomialCI } from "../../src/stats";
import { median } from "./benchFiles";

console.log("| N | median ms | √N × half-width |");
console.log("| --- | --- | --- |");
for (const exponent of [4, 6, 8, 10, 12, 14]) {
  const total = 10 ** exponent;
  const counts = [0.2 * total, 0.3 * total, 0.5 * total];
  const times: number[] = [];
  let halfWidth = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const [first] = multinomialCI(counts, { method: "sison-glaz" });
    times.push(performance.now() - started);
    halfWidth = (((first?.upper ?? 0) - (first?.lower ?? 0)) / 2) * Math.sqrt(total);
  }
  console.log(`| 1e${exponent} | ${median(times).toFixed(1)} | ${halfWidth.toFixed(6)} |`);
}
