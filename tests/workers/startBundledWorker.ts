import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { inject } from "vitest";

/**
 * What the library's `startWorker` becomes in `npm test` (vitest.config.ts swaps it in for the
 * sources' imports): the worker entry `name` started from this run's JavaScript bundle of it
 * (tests/workers/bundleWorkers.ts), not through tsx. `moduleUrl` is unused: every entry is
 * bundled into one folder. startWorker.test.ts checks the real one, tsx path included.
 */
export function startWorker(_moduleUrl: string, name: string, workerData?: unknown): Worker {
  const bundle = join(inject("workerBundleDir"), `${name}.js`);
  if (!existsSync(bundle)) throw new Error(`no test bundle of the worker entry "${name}": add it to workerEntries in tests/workers/bundleWorkers.ts`);
  return new Worker(bundle, { workerData });
}
