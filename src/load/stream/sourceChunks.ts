import { SurveyError } from "../../errors";
import { streamChunks, type Source } from "../readSourceText";

/** Whether a source names a file (a path without line breaks, or a `file:` URL) rather than holding data. */
export function isFilePath(source: Source): source is string | URL {
  return (typeof source === "string" && !/[\r\n]/.test(source)) || (source instanceof URL && source.protocol === "file:");
}

/**
 * A source's bytes as a stream of chunks of about `chunkSize` bytes, never gathered whole:
 * files are read piece by piece, CSV text is encoded as UTF-8, a `Blob` (a browser's `File`) is
 * read through its stream, web and Node streams pass through.
 */
export async function* sourceChunks(source: Source, chunkSize = 1 << 20): AsyncGenerator<Uint8Array> {
  if (isFilePath(source)) {
    const { fileSize, readFileRange } = await import("./node/readFileRange");
    yield* readFileRange(source, 0, await fileSize(source), chunkSize);
    return;
  }
  if (typeof source === "string") {
    yield* sliceBytes(new TextEncoder().encode(source), chunkSize);
    return;
  }
  if (source instanceof Uint8Array) {
    yield* sliceBytes(source, chunkSize);
    return;
  }
  if (source instanceof Blob) {
    yield* streamBytes(source.stream());
    return;
  }
  if (source instanceof URL) {
    const response = await fetch(source);
    if (!response.ok || !response.body) throw new SurveyError("E_IO", `cannot fetch ${source.href}: HTTP ${response.status}`);
    yield* streamBytes(response.body);
    return;
  }
  yield* streamBytes(source);
}

/** A stream's chunks as bytes (text chunks encoded as UTF-8). */
async function* streamBytes(stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of streamChunks(stream)) yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
}

function* sliceBytes(bytes: Uint8Array, chunkSize: number): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += chunkSize) yield bytes.subarray(start, start + chunkSize);
}
