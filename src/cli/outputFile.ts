import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { SurveyError } from "../errors";
import { systemReason } from "../load/node/systemReason";
import { UsageError } from "./usageError";

/**
 * The format a command writes to `out`, from its extension: the longest of `formats` (the
 * command's declared list, e.g. ["html", "md", "csv", "json"]) that ends the name. Any other
 * extension is a usage error listing the ones the command can write, so `report --out r.pdf`
 * never writes HTML into a .pdf.
 */
export function outputFormat<F extends string>(command: string, out: string, formats: readonly F[]): F {
  const name = out.toLowerCase();
  const format = [...formats].sort((a, b) => b.length - a.length).find((extension) => name.endsWith(`.${extension}`));
  if (format !== undefined) return format;
  const extension = /\.([^./\\]+)$/.exec(basename(out))?.[1];
  const problem = extension === undefined ? "has no file extension" : `is a .${extension} file, which svyprop ${command} cannot write`;
  throw new UsageError(`--out "${out}" ${problem}; it writes ${formats.map((f) => `.${f}`).join(", ")}`);
}

/**
 * Writes a file atomically: into a temporary file beside the target, then renamed over it, so a
 * killed run leaves the previous file whole. A missing or read-only folder, or a target that is
 * a folder, is an `E_IO` naming the path.
 */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const target = await statOrUndefined(path);
  if (target?.isDirectory()) throw new SurveyError("E_IO", "cannot write the output: it is a folder; give a file name inside it", { file: path });
  const parent = await statOrUndefined(folder);
  if (parent === undefined) throw new SurveyError("E_IO", `cannot write the output: the folder "${folder}" does not exist`, { file: path });
  if (!parent.isDirectory()) throw new SurveyError("E_IO", `cannot write the output: "${folder}" is not a folder`, { file: path });
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, data, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new SurveyError("E_IO", `cannot write the output: ${systemReason(error)}`, { file: path });
  }
}

/**
 * A folder several outputs go into (created if missing; an existing file there is an `E_IO`).
 * Names given to `write` come from the data (question ids): each is reduced to a safe file name
 * and the result is checked to stay inside the folder.
 */
export async function openOutputFolder(folder: string): Promise<{ write(name: string, data: string | Uint8Array): Promise<string> }> {
  const existing = await statOrUndefined(folder);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new SurveyError("E_IO", "cannot write the outputs: it is a file, and they go into a folder; give a folder name", { file: folder });
  }
  if (existing === undefined) await createFolder(folder);
  const used = new Set<string>();
  return {
    async write(name, data) {
      const path = join(folder, uniqueName(safeFileName(name), used));
      const inside = relative(folder, path);
      if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
        throw new SurveyError("E_IO", "refusing to write outside the output folder", { file: path, value: name });
      }
      await writeOutputFile(path, data);
      return path;
    },
  };
}

/**
 * Creates a folder and its missing parents one level at a time (Node's recursive mkdir never
 * returns on some read-only file systems, e.g. under /proc); a failure is an `E_IO` naming it.
 */
async function createFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let ancestor = resolve(folder);
  while ((await statOrUndefined(ancestor)) === undefined && dirname(ancestor) !== ancestor) {
    missing.unshift(ancestor);
    ancestor = dirname(ancestor);
  }
  if (!(await statOrUndefined(ancestor))?.isDirectory()) {
    throw new SurveyError("E_IO", `cannot create the output folder: "${ancestor}" is not a folder`, { file: folder });
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST") {
        throw new SurveyError("E_IO", `cannot create the output folder: ${systemReason(error)}`, { file: folder });
      }
    }
  }
}

/**
 * A file name made from text the data supplies: letters, digits, ".", "-" and "_" kept, every
 * other run (slashes, backslashes, spaces, control characters) becomes "_", leading dots and
 * underscores are dropped (no "..", no hidden file), and the length is capped.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._-]+/gu, "_")
    .replace(/^[._]+/, "")
    .slice(0, 120);
  return cleaned === "" ? "output" : cleaned;
}

/** `name`, or `name-2`, `name-3`… before the extension when two data names clean to the same file. */
function uniqueName(name: string, used: Set<string>): string {
  const dot = name.indexOf(".");
  const [stem, extension] = dot < 0 ? [name, ""] : [name.slice(0, dot), name.slice(dot)];
  let candidate = name;
  for (let k = 2; used.has(candidate.toLowerCase()); k++) candidate = `${stem}-${k}${extension}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}
