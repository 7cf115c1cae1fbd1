import { readFile, stat } from "node:fs/promises";
import { SurveyError } from "../../errors";
import { systemReason } from "./systemReason";

/**
 * Reads a file (Node only); a missing or unreadable file is an `E_IO` naming the path, and a
 * file larger than `maxBytes` is an `E_TOO_LARGE` found before any byte is read.
 */
export async function readFileBytes(path: string | URL, maxBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw ioError(path, error);
  }
  if (size > maxBytes) {
    throw new SurveyError("E_TOO_LARGE", `${String(path)} is larger than maxBytes (${maxBytes} bytes)`, { value: String(size) });
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw ioError(path, error);
  }
}

function ioError(path: string | URL, error: unknown): SurveyError {
  return new SurveyError("E_IO", `cannot read the file: ${systemReason(error)}`, { file: String(path) });
}
