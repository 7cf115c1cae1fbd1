import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { join } from "node:path";
import { repoRoot } from "./paths";

/** The files tsup writes that the tests run (the CLI, both entries and their browser builds, the tally and render workers). */
const builtFiles = ["cli.js", "index.js", "index.cjs", "render.js", "tallyWorker.js", "renderWorker.js", "browser/index.js", "browser/render.js"].map((name) => join(repoRoot, "dist", name));
/** What the build is made from. */
const buildInputs = ["src", "package.json", "tsup.config.ts"].map((name) => join(repoRoot, name));
/** Held (as a folder: mkdir is atomic) by the one test file that builds; the others wait for it. */
const lock = join(repoRoot, "node_modules", ".svyprop-test-build.lock");

/** Newest modification time under a file or folder. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

function isFresh(): boolean {
  if (!builtFiles.every(existsSync)) return false;
  return Math.min(...builtFiles.map((file) => statSync(file).mtimeMs)) > Math.max(...buildInputs.map(newestMtime));
}

/**
 * Builds the package for the tests that run it (the built CLI, the packed tarball), once per
 * change of the sources: nothing when `dist/` is newer than `src/` (as right after `npm ci`, whose
 * `prepare` builds), and one build when several test files ask at the same time.
 */
export async function ensureBuilt(): Promise<void> {
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building; a lock older than 10 minutes is a crashed run's.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (!isFresh()) execFileSync("npx", ["tsup"], { cwd: repoRoot, stdio: "pipe" });
      return;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
