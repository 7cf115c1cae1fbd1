// One timed tally job, run by tally.bench.ts in its own process so peak RSS is the job's own.
// Plain JavaScript on purpose: a TypeScript loader would add ~35 MiB to every job's RSS.
// Usage: node tallyJobs.mjs <svyprop-1|svyprop-2|design-2|papaparse|duckdb> <file.csv> <codebook.json>
// design-2 also fills the design tallies (weights, strata, PSUs of every question) on two threads.
// Prints one JSON line: { ms, cpuMs, rssMiB, digest } — digest sums each question's counts, so the
// bench can check that every job counted the same thing.
import { createReadStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const [kind, file, codebookPath] = process.argv.slice(2);
const codebook = JSON.parse(readFileSync(codebookPath, "utf8"));
const jobs = { "svyprop-1": () => svyprop(1), "svyprop-2": () => svyprop(2), "design-2": () => svyprop(2, true), papaparse, duckdb };
if (!(kind in jobs)) throw new Error(`unknown job ${kind}`);

// Each job loads only its own modules, before the clock starts: the figures are the tally's,
// not Node's module loader's, and the RSS is the job's own.
const svypropModule = kind === "papaparse" ? undefined : await import(fileURLToPath(new URL("../../dist/index.js", import.meta.url)));
const Papa = kind === "papaparse" ? (await import("papaparse")).default : undefined;
const duckdbModule = kind === "duckdb" ? await import("@duckdb/node-api") : undefined;

const cpuBefore = process.cpuUsage();
const started = performance.now();
const counts = await jobs[kind]();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const digest = Object.fromEntries(Object.entries(counts).map(([id, c]) => [id, Array.from(c).join(" ")]));
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMiB: process.resourceUsage().maxRSS / 1024, digest }));

/** svyprop's streaming tally, from the built package (with the design tallies when asked). */
async function svyprop(workers, designTallies = false) {
  const { tallies } = await svypropModule.tallyFile(file, codebook, { workers, designTallies });
  return Object.fromEntries([...tallies].map(([id, tally]) => [id, tally.counts]));
}

/** A column → (raw value → category index) map per question, from the codebook's values. */
function valueMaps() {
  return codebook.questions.map((question) => {
    const lists =
      question.type === "binary" ? [question.positive, question.negative]
      : question.type === "likert" ? question.levels.map((level) => [level])
      : question.categories.map((category) => category.values);
    const map = new Map();
    lists.forEach((values, index) => values.forEach((value) => map.set(value, index)));
    if (question.caseInsensitive) for (const [value, index] of [...map]) map.set(value.toUpperCase(), index).set(value[0].toUpperCase() + value.slice(1), index);
    return { id: question.id, column: question.column, multi: question.type === "multi", map, counts: new Float64Array(lists.length) };
  });
}

/**
 * The fast hand-written papaparse tally a developer would write: streaming, `header: false`
 * (arrays, no object per row), column indices resolved once, value → index map, typed counters.
 * Filters and bad-value reports are left out: it is the yardstick of raw parsing speed.
 */
function papaparse() {
  return new Promise((resolve, reject) => {
    const questions = valueMaps();
    let columns;
    Papa.parse(createReadStream(file, { encoding: "utf8" }), {
      header: false,
      skipEmptyLines: true,
      chunk(results) {
        let rows = results.data;
        if (!columns) {
          const header = rows[0];
          columns = questions.map((question) => header.indexOf(question.column));
          rows = rows.slice(1);
        }
        for (const row of rows) {
          for (let q = 0; q < questions.length; q++) {
            const question = questions[q];
            const raw = row[columns[q]];
            if (raw === undefined || raw === "") continue;
            if (question.multi) {
              for (const part of raw.split(";")) {
                const index = question.map.get(part);
                if (index !== undefined) question.counts[index] += 1;
              }
            } else {
              const index = question.map.get(raw);
              if (index !== undefined) question.counts[index] += 1;
            }
          }
        }
      },
      complete: () => resolve(Object.fromEntries(questions.map((question) => [question.id, question.counts]))),
      error: reject,
    });
  });
}

/**
 * DuckDB doing the scan — one read_csv → UNPIVOT → GROUP BY query on both cores — and svyprop
 * coding its counts (`tallyFromCounts`), as an analyst with DuckDB would.
 */
async function duckdb() {
  const { DuckDBInstance } = duckdbModule;
  const { tallyFromCounts } = svypropModule;
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const names = codebook.questions.map((question) => `"${question.column}"`).join(", ");
  const reader = await connection.runAndReadAll(
    `SELECT question, value, count(*) AS count
     FROM (UNPIVOT (SELECT ${names} FROM read_csv('${file.replaceAll("'", "''")}', all_varchar = true, header = true))
           ON COLUMNS(*) INTO NAME question VALUE value)
     GROUP BY ALL`,
  );
  const columnToId = new Map(codebook.questions.map((question) => [question.column, question.id]));
  const rows = reader.getRowObjectsJS().map((row) => ({ question: columnToId.get(row.question), value: row.value, count: row.count }));
  connection.closeSync();
  instance.closeSync();
  const { tallies } = tallyFromCounts(rows, codebook);
  return Object.fromEntries([...tallies].map(([id, tally]) => [id, tally.counts]));
}
