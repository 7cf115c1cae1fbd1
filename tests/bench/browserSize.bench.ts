/**
 * Size of the browser build (issue 15): `npx tsx tests/bench/browserSize.bench.ts`.
 *
 * What a page downloads for each browser entry, every chunk it imports (at once or when a
 * function is first called) included, minified and gzipped (level 9): the core entry (`svyprop`:
 * loading, statistics, charts as specs, tables) and the render entry (`svyprop/render`, with
 * vega and vega-lite).
 */
import { bundleBrowserEntry } from "../browser/bundleBrowserEntry";
import { ensureBuilt } from "./benchFiles";

ensureBuilt();
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log("entry                 minified   gzipped");
for (const [label, entry] of [["svyprop (core)", "index"], ["svyprop/render", "render"]] as const) {
  const { size, gzipSize } = await bundleBrowserEntry(entry);
  console.log(`${label.padEnd(20)} ${kib(size).padStart(10)} ${kib(gzipSize).padStart(10)}`);
}
