import { readFile } from "node:fs/promises";
import { SurveyError } from "../../errors";

/** Reads a file (Node only); a missing or unreadable file is an `E_IO` naming the path. */
export async function readFileBytes(path: string | URL): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SurveyError("E_IO", `cannot read ${String(path)}: ${reason}`);
  }
}
