import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SurveyError } from "../../errors";

/**
 * svyprop's own package folder: the nearest folder above this module holding a package.json,
 * which must be svyprop's (the repository from the sources or `dist/`, or
 * `node_modules/svyprop` once installed). The search stops at that first package.json, so
 * nothing above the package (a `data/` folder planted in a parent) is ever taken for it.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === "svyprop") return dir;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new SurveyError("E_IO", "svyprop's package.json was not found above its own code: the installation is incomplete", { file: dir });
}
