import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { SurveyError } from "../../errors";
import { packageRoot } from "./packageRoot";

/**
 * The folder of a dataset shipped with svyprop: `data/<name>/` in svyprop's own package folder,
 * never one found elsewhere. Works from the sources, from `dist/`, and from an installed package.
 */
export function findDatasetDir(name: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new SurveyError("E_ARGUMENT", `dataset name "${name}" is not a valid name`);
  const data = join(packageRoot(), "data");
  const candidate = join(data, name);
  if (existsSync(join(candidate, "codebook.json"))) return candidate;
  const shipped = existsSync(data) ? readdirSync(data).filter((entry) => existsSync(join(data, entry, "codebook.json"))) : [];
  throw new SurveyError("E_ARGUMENT", `no shipped dataset named "${name}"; the shipped datasets are: ${shipped.join(", ") || "none"}`);
}

/** The files of a shipped dataset: its folder, its answers, its codebook and its printed figures. */
export function datasetFiles(name: string): { dir: string; responses: string; codebook: string; published: string } {
  const dir = findDatasetDir(name);
  return { dir, responses: join(dir, "responses.csv"), codebook: join(dir, "codebook.json"), published: join(dir, "published.json") };
}
