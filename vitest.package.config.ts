import { defineConfig } from "vitest/config";

/**
 * `npm run test:package`: the package as it ships — the packed tarball installed in an empty project,
 * the README's snippets and the examples run there (tests/package/), and the browser build bundled
 * and run in Chromium (tests/browser/). Run by CI beside the other packaging checks.
 */
export default defineConfig({
  test: {
    include: ["tests/package/**/*.test.ts", "tests/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
