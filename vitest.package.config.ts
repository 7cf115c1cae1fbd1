import { defineConfig } from "vitest/config";

/**
 * `npm run test:package`: the packed tarball installed in an empty project, the README's snippets
 * and the examples run there (see tests/package/). Run by CI beside the other packaging checks.
 */
export default defineConfig({
  test: {
    include: ["tests/package/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
