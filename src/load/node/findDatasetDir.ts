import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SurveyError } from "../../errors";

/**
 * The folder of a dataset shipped with svyprop (`data/<name>/`), found by walking up from this
 * module: it works from the sources, from `dist/`, and from an installed package.
 */
export function findDatasetDir(name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new SurveyError("E_ARGUMENT", `dataset name "${name}" is not a valid name`);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "data", name);
    if (existsSync(join(candidate, "codebook.json"))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new SurveyError("E_ARGUMENT", `no shipped dataset named "${name}" (try "moubarak-2009")`);
}
