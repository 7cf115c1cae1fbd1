import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The packed tarball installed in an empty project is the published package's check: it runs
    // with the other packaging checks (`npm run test:package`, in CI), not in `npm test`.
    exclude: [...configDefaults.exclude, "tests/package/**"],
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
