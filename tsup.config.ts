import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: core (no fs, no vega at runtime), the Node-only render entry, and the Node-only
    // office entry (Excel, PDF, PowerPoint), whose libraries are imported when a writer is called.
    entry: { index: "src/index.ts", render: "src/render/index.ts", office: "src/office/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    // import.meta.url (used to find the shipped datasets) also works in the CJS build.
    shims: true,
    target: "node20",
  },
  {
    // The command-line tool, ESM only, with its shebang.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    banner: { js: "#!/usr/bin/env node" },
    target: "node20",
  },
  {
    // The tally worker thread (Node only): `runInWorker` starts it by file name, beside the bundles.
    entry: { tallyWorker: "src/tally/stream/node/tallyWorker.ts" },
    format: ["esm"],
    target: "node20",
  },
]);
