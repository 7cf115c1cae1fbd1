import { open, stat } from "node:fs/promises";
import { SurveyError } from "../../../errors";

/** Size in bytes of a file (Node only); a missing file is `E_IO`. */
export async function fileSize(path: string | URL): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    throw new SurveyError("E_IO", `cannot read ${String(path)}: ${(error as Error).message}`);
  }
}

/**
 * Reads bytes `[start, end)` of a file in chunks of `chunkSize` (Node only). The yielded
 * buffer is reused: a consumer must copy what it keeps before asking for the next chunk.
 * A file that ends before `end` (truncated while it is read) is an `E_IO`, never a partial result.
 */
export async function* readFileRange(path: string | URL, start: number, end: number, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  const file = await open(path, "r").catch((error: Error) => {
    throw new SurveyError("E_IO", `cannot read ${String(path)}: ${error.message}`);
  });
  try {
    const buffer = new Uint8Array(chunkSize);
    for (let position = start; position < end; ) {
      const { bytesRead } = await file.read(buffer, 0, Math.min(chunkSize, end - position), position);
      if (bytesRead === 0) {
        throw new SurveyError("E_IO", `cannot read ${String(path)}: the file ended at byte ${position} where ${end} bytes were expected (was it changed while being read?)`);
      }
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/** The first bytes of a window of a file: up to `length` bytes from `start` (Node only). */
export async function readFileWindow(path: string | URL, start: number, length: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of readFileRange(path, start, start + length, length)) chunks.push(chunk.slice());
  return chunks[0] ?? new Uint8Array(0);
}
