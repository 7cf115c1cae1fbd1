import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../paths";

/**
 * The worker-thread entries the library starts by name (`startWorker`), as tsup.config.ts
 * lists them for the build.
 */
const workerEntries = {
  tallyWorker: join(repoRoot, "src/tally/stream/node/tallyWorker.ts"),
  renderWorker: join(repoRoot, "src/render/node/renderWorker.ts"),
};

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder holding this run's JavaScript bundles of the worker entries (`<name>.js`). */
    workerBundleDir: string;
  }
}

let bundleDir: string | undefined;

/**
 * vitest global setup: bundles the worker entries from the current sources once per run
 * (esbuild, a fraction of a second), so that the tests start worker threads as JavaScript
 * (~0.1 s a thread) instead of through tsx's module hooks (~0.6 s a thread). The agreement tests
 * start hundreds of them. Dependencies are not bundled: the folder is under the repository's
 * node_modules, so the bundles import them from there, as the sources do.
 */
export async function setup(project: TestProject): Promise<void> {
  const cache = join(repoRoot, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  bundleDir = mkdtempSync(join(cache, "svyprop-test-workers-"));
  await build({
    entryPoints: workerEntries,
    outdir: bundleDir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "error",
  });
  project.provide("workerBundleDir", bundleDir);
}

export function teardown(): void {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
}
