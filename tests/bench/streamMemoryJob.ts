// One streamed tally of a hostile file, run by streamMemory.bench.ts in its own process so peak
// RSS is the job's own. Runs from the sources (tsx): the figures compare versions of src/, and
// include tsx's own ~35 MiB. Usage: tsx streamMemoryJob.ts <file.csv> <codebook.json>
// Prints one JSON line: { ms, rssMiB, rowsRead, issues, omitted, jsonMiB }.
import { readFileSync } from "node:fs";
import { tallyFile } from "../../src";

const [file, codebookPath] = process.argv.slice(2) as [string, string];
const codebook = JSON.parse(readFileSync(codebookPath, "utf8"));
const started = performance.now();
const { report } = await tallyFile(file, codebook, { workers: 1 });
const ms = performance.now() - started;
// What `svyprop estimate --stream --json` writes of the report (a RangeError when it outgrows a string).
let jsonMiB: number | string;
try {
  jsonMiB = JSON.stringify(report).length / 2 ** 20;
} catch (error) {
  jsonMiB = (error as Error).message;
}
const omitted = ((report as { omittedIssues?: { count: number }[] }).omittedIssues ?? []).reduce((sum, entry) => sum + entry.count, 0);
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024, rowsRead: report.rowsRead, issues: report.issues.length, omitted, jsonMiB }));
