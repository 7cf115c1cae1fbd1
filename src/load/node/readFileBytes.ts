import { readFile, stat } from "node:fs/promises";
import { SurveyError } from "../../errors";
import { systemReason } from "./systemReason";

/**
 * Reads a file (Node only); a missing or unreadable file is an `E_IO` naming the path, and a
 * file larger than `maxBytes` is an `E_TOO_LARGE` found before any byte is read.
 */
export async function readFileBytes(path: string | URL, maxBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  await checkedFileSize(path, maxBytes);
  try {
    return await readFile(path);
  } catch (error) {
    throw ioError(path, error);
  }
}

/**
 * The size of a file to be read (Node only): a missing or unreadable file, or a folder, is an
 * `E_IO` naming the path, and a file larger than `maxBytes` an `E_TOO_LARGE`.
 */
export async function checkedFileSize(path: string | URL, maxBytes = Number.POSITIVE_INFINITY): Promise<number> {
  let size: number;
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
    size = stats.size;
  } catch (error) {
    throw ioError(path, error);
  }
  if (size > maxBytes) {
    throw new SurveyError("E_TOO_LARGE", `${String(path)} is larger than maxBytes (${maxBytes} bytes)`, { value: String(size) });
  }
  return size;
}

function ioError(path: string | URL, error: unknown): SurveyError {
  return new SurveyError("E_IO", `cannot read the file: ${systemReason(error)}`, { file: String(path) });
}
