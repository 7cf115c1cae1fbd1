import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { repoRoot } from "../paths";

/** What a page downloads for one browser entry, every chunk it imports (statically or when called) included. */
export interface BrowserEntryBundle {
  /** The files it is made of, relative to the repository (all in `dist/browser/` when the build is right). */
  files: string[];
  /** Minified bytes. */
  size: number;
  /** Gzipped (level 9) bytes. */
  gzipSize: number;
}

/**
 * Bundles `dist/browser/<entry>.js` with its chunks into one minified file, as neutral JavaScript
 * (no platform, so a Node built-in or bare package name left in a chunk fails to resolve), and
 * measures it.
 */
export async function bundleBrowserEntry(entry: "index" | "render"): Promise<BrowserEntryBundle> {
  const result = await build({
    entryPoints: [join(repoRoot, "dist", "browser", `${entry}.js`)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return {
    files: Object.keys(result.metafile.inputs).map((file) => relative(repoRoot, join(process.cwd(), file))),
    size: code.length,
    gzipSize: gzipSync(code, { level: 9 }).length,
  };
}
