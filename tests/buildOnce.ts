import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths";

/** The files tsup writes that the tests run (the CLI, both entries, the tally worker). */
const builtFiles = ["cli.js", "index.js", "index.cjs", "render.js", "tallyWorker.js"].map((name) => join(repoRoot, "dist", name));
/** What the build is made from. */
const buildInputs = ["src", "package.json", "tsup.config.ts"].map((name) => join(repoRoot, name));

/** Newest modification time under a file or folder. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/**
 * Vitest global setup: builds the package once, before any test file runs, when `dist/` is missing
 * or older than its sources — so tests of the built CLI and package share one build, and a run right
 * after `npm ci` (whose `prepare` just built) builds nothing.
 */
export default function buildOnce(): void {
  const built = builtFiles.every(existsSync) ? Math.min(...builtFiles.map((file) => statSync(file).mtimeMs)) : -Infinity;
  if (built > Math.max(...buildInputs.map(newestMtime))) return;
  execFileSync("npx", ["tsup"], { cwd: repoRoot, stdio: "pipe" });
}
