import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../paths";

const BUILT = ["index.js", "index.cjs", "index.d.ts", "render.js", "cli.js", "tallyWorker.js"].map((name) => join(repoRoot, "dist", name));
const SOURCES = [join(repoRoot, "src"), join(repoRoot, "package.json"), join(repoRoot, "tsup.config.ts")];
const LOCK = join(repoRoot, "node_modules", ".svyprop-build.lock");
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Builds dist/ with tsup unless it is newer than every source, once for all the test files that
 * need the built package: a lock directory keeps a second worker from building (or reading a
 * half-built dist/, since tsup cleans it first) while the first one does.
 */
export function ensureBuilt(): void {
  acquireLock();
  try {
    if (!isFresh()) execFileSync("npx", ["tsup"], { cwd: repoRoot, stdio: "pipe" });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function acquireLock(): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      Atomics.wait(pause, 0, 0, 200);
    }
  }
}

function isFresh(): boolean {
  const builtAt = Math.min(...BUILT.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0));
  return builtAt > Math.max(...SOURCES.map(newestChange));
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}
