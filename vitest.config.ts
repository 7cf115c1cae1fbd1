import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One build for every test of the built package (skipped when dist/ is newer than src/).
    globalSetup: ["tests/buildOnce.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
