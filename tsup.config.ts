import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { defineConfig, type Options } from "tsup";

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number];

const errorsModule = resolve("src/errors.ts");

/**
 * The browser build's platform swap. A module `x.browser.ts` beside `x.ts` replaces it (the
 * renderer's PNG and text measurement); a dynamic import of a module in a `node/` folder becomes
 * a module that throws `E_IO` when it is loaded, so no Node built-in is bundled or reached and a
 * file path given in a page fails with a sentence, not a missing module. Code outside `node/`
 * folders imports no Node built-in (tests/browser checks the built files import nothing but
 * their own chunks).
 */
const browserPlatform: EsbuildPlugin = {
  name: "svyprop-browser-platform",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (args.kind === "dynamic-import" && basename(dirname(target)) === "node") return { path: basename(target), namespace: "node-only" };
      const browserTwin = `${target}.browser.ts`;
      return existsSync(browserTwin) ? { path: browserTwin } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: "node-only" }, (args) => ({
      contents:
        `import { SurveyError } from ${JSON.stringify(errorsModule)};\n` +
        `throw new SurveyError("E_IO", ${JSON.stringify(`${args.path} reads files and runs only in Node: in a browser, pass the data itself (CSV text, bytes, a File or Blob, a URL or a stream)`)});\n`,
      resolveDir: dirname(errorsModule),
      loader: "js",
    }));
  },
};

export default defineConfig([
  {
    // The library: core (no fs, no vega at runtime), the Node-only render entry, and the Node-only
    // office entry (Excel, PDF, PowerPoint), whose libraries are imported when a writer is called.
    entry: { index: "src/index.ts", render: "src/render/index.ts", office: "src/office/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    // The browser build cleans its own folder (the builds run side by side).
    clean: ["!browser/**"],
    // import.meta.url (used to find the shipped datasets) also works in the CJS build.
    shims: true,
    target: "node20",
  },
  {
    // The browser build (the `browser` condition of `.` and `./render`): ES modules a page imports
    // by URL with no bundler and no import map, so every dependency is bundled in (vega and
    // vega-lite in chunks that `svyprop/render` loads when it first draws).
    entry: { index: "src/index.ts", render: "src/render/index.ts" },
    outDir: "dist/browser",
    clean: true,
    format: ["esm"],
    platform: "browser",
    target: "es2022",
    noExternal: [/.*/],
    minify: true,
    esbuildPlugins: [browserPlatform],
  },
  {
    // The command-line tool, ESM only, with its shebang. vega and vega-lite are bundled in (a
    // chunk loaded when the first chart is drawn): one file loads in half the time of their
    // fifty-odd packages, which is most of a report's cost beyond reading the file.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    noExternal: ["vega", "vega-lite"],
    banner: { js: "#!/usr/bin/env node" },
    target: "node20",
  },
  {
    // The worker threads (Node only), started by file name beside the bundles: the tally's
    // (`runInWorker`) and the chart drawer's (`SvgRenderers`, with vega bundled in as in the CLI).
    entry: { tallyWorker: "src/tally/stream/node/tallyWorker.ts", renderWorker: "src/render/node/renderWorker.ts" },
    format: ["esm"],
    noExternal: ["vega", "vega-lite"],
    target: "node20",
  },
]);
