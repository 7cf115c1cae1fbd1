/**
 * Runs every `*.bench.ts` beside this file, one after another, each in its own process:
 * `npm run bench`; or only those named, `npm run bench -- commands design`. Exits non-zero when
 * one of them fails. When the commands bench ran, its markdown table for the README (written to
 * tests/bench/.data/commands.md) is printed again last, so it need not be looked for in the output.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const chosen = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => chosen.length === 0 || chosen.includes(name.slice(0, -".bench.ts".length)))
  .sort();
if (benches.length === 0) {
  console.error(`no bench named ${chosen.join(", ")}; the benches are the *.bench.ts files of tests/bench/`);
  process.exit(2);
}
const started = Date.now();
let failed = 0;
for (const file of benches) {
  console.log(`\n# ${file}`);
  const { status } = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit" });
  if (status !== 0) failed += 1;
}
const table = join(here, ".data", "commands.md");
if (existsSync(table) && statSync(table).mtimeMs >= started) console.log(`\n# The commands a user runs (commands.bench.ts), for the README\n\n${readFileSync(table, "utf8")}`);
process.exit(failed === 0 ? 0 : 1);
