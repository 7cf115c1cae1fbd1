/**
 * Runs every `*.bench.ts` beside this file, one after another, each in its own process:
 * `npm run bench`. Exits non-zero when one of them fails.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const file of readdirSync(here).filter((name) => name.endsWith(".bench.ts")).sort()) {
  console.log(`\n# ${file}`);
  const { status } = spawnSync(process.execPath, ["--import", "tsx", join(here, file)], { stdio: "inherit" });
  if (status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
