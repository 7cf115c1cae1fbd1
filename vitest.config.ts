import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, type Plugin } from "vitest/config";

const sources = fileURLToPath(new URL("./src/", import.meta.url));
const startBundledWorker = fileURLToPath(new URL("./tests/workers/startBundledWorker.ts", import.meta.url));

/**
 * The sources' `startWorker` imports get tests/workers/startBundledWorker.ts: worker threads start
 * from a bundle made once per run (tests/workers/bundleWorkers.ts, the global setup) instead of
 * through tsx, ~0.1 s instead of ~0.6 s each — the agreement tests start hundreds. Measured here:
 * fixtureCorpus, hostileInput and byTallies 40 s → 22 s; npm test in fresh clones 110–131 s → 85–93 s.
 * A test that imports startWorker itself gets the real one (tests/tally/stream/startWorker.test.ts).
 */
const workersFromBundles: Plugin = {
  name: "svyprop-workers-from-bundles",
  enforce: "pre",
  resolveId(source, importer) {
    if (importer?.startsWith(sources) && /(^|\/)startWorker(\.ts)?$/.test(source)) return startBundledWorker;
    return undefined;
  },
};

export default defineConfig({
  plugins: [workersFromBundles],
  test: {
    globalSetup: ["tests/workers/bundleWorkers.ts"],
    include: ["tests/**/*.test.ts"],
    // The package as it ships — the packed tarball installed in an empty project, the browser build
    // bundled and run in Chromium — is checked with the other packaging checks (`npm run
    // test:package`, in CI), not in `npm test`: both build the package inside their tests.
    exclude: [...configDefaults.exclude, "tests/package/**", "tests/browser/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files share each worker's module cache instead of importing vega, vega-lite and the
    // sources again per file: measured on the 2-core machine, the suite's CPU time fell from
    // 242 s to 143 s (import 181 s → 29 s) with every test passing. No test mocks modules or
    // leaves global state behind (officeCli restores SOURCE_DATE_EPOCH), which this relies on.
    isolate: false,
    // Both cores (vitest's default leaves one free): 143 s → 126 s of wall time for the suite here,
    // the test processes' children (the built CLI, Chromium, PostgreSQL) sharing them.
    maxWorkers: 2,
  },
});
