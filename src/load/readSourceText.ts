import { SurveyError } from "../errors";
import { decodeBytes, type Encoding } from "./decodeBytes";
import { rejectBinary } from "./rejectBinary";

/**
 * Where survey data can come from: a file path, CSV text (any string containing a line
 * break), a `file:` or `http(s):` URL, bytes, a `Blob` (a browser's `File`), or a stream (web
 * `ReadableStream` or Node `Readable`, both async iterables of byte chunks). File paths and
 * `file:` URLs are read in Node only; everything else also works in a browser.
 */
export type Source = string | URL | Uint8Array | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/** How a source's bytes are read: their encoding and the most bytes to accept. */
export interface ReadSourceOptions {
  /** Text encoding; UTF-8, falling back to Windows-1252, when omitted. */
  encoding?: Encoding;
  /** Refuse (`E_TOO_LARGE`) a source of more bytes than this; streams stop being read there. */
  maxBytes?: number;
}

/**
 * Reads a whole source as text. Bytes are gathered before decoding, so a multi-byte character
 * split across two stream chunks is never corrupted (papaparse fed raw chunks would turn it into
 * two U+FFFD). Binary data fail `E_BINARY_FILE`, and a source over `maxBytes` fails `E_TOO_LARGE`.
 *
 * @param source - A file path, CSV text (a string with a line break), a URL, bytes, or a stream of chunks.
 * @param options - The encoding (default: decided from the bytes) and `maxBytes`.
 * @returns The whole text, without a byte-order mark.
 * @throws {@link SurveyError} `E_IO` for a file that cannot be read, `E_BINARY_FILE`, `E_TOO_LARGE` or `E_ENCODING`.
 *
 * @example
 * ```ts
 * import { readSourceText } from "svyprop";
 *
 * await readSourceText(new TextEncoder().encode("\uFEFFid,answer\n1,yes\n")); // → "id,answer\n1,yes\n"
 * ```
 */
export async function readSourceText(source: Source, options: Encoding | ReadSourceOptions = {}): Promise<string> {
  const { encoding, maxBytes = Number.POSITIVE_INFINITY } = typeof options === "string" ? { encoding: options } : options;
  if (typeof source === "string" && /[\r\n]/.test(source)) {
    checkSize(new TextEncoder().encode(source).length, maxBytes);
    rejectBinary(source);
    return source.replace(/^\uFEFF/, "");
  }
  return decodeBytes(await readSourceBytes(source, maxBytes), encoding);
}

/**
 * Reads a whole source as bytes (CSV text is encoded as UTF-8), refusing binary data
 * (`E_BINARY_FILE`) and a source over `maxBytes` (`E_TOO_LARGE`).
 *
 * @param source - A file path, CSV text (a string with a line break), a URL, bytes, or a stream of chunks.
 * @param maxBytes - The most bytes to accept (default: no limit).
 * @returns The bytes.
 * @throws {@link SurveyError} `E_IO` for a file that cannot be read, `E_BINARY_FILE` or `E_TOO_LARGE`.
 *
 * @example
 * ```ts
 * import { readSourceBytes } from "svyprop";
 *
 * const bytes = await readSourceBytes("id\n1\n");
 * bytes.length; // → 5
 * ```
 */
export async function readSourceBytes(source: Source, maxBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  const bytes = typeof source === "string" && /[\r\n]/.test(source) ? new TextEncoder().encode(source) : await readBytes(source, maxBytes);
  checkSize(bytes.length, maxBytes);
  rejectBinary(bytes);
  return bytes;
}

async function readBytes(source: Source, maxBytes: number): Promise<Uint8Array> {
  if (typeof source === "string") return readPath(source, maxBytes);
  if (source instanceof Uint8Array) return source;
  if (source instanceof Blob) {
    checkSize(source.size, maxBytes);
    return new Uint8Array(await source.arrayBuffer());
  }
  if (source instanceof URL) {
    if (source.protocol === "file:") return readPath(source, maxBytes);
    const response = await fetch(source);
    if (!response.ok) throw new SurveyError("E_IO", `cannot fetch ${source.href}: HTTP ${response.status}`);
    if (!response.body) return new Uint8Array(0);
    return collectChunks(response.body, maxBytes);
  }
  return collectChunks(source, maxBytes);
}

function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) {
    throw new SurveyError("E_TOO_LARGE", `the source is larger than maxBytes (${maxBytes} bytes)`, { value: String(size) });
  }
}

async function readPath(path: string | URL, maxBytes: number): Promise<Uint8Array> {
  const { readFileBytes } = await import("./node/readFileBytes");
  return readFileBytes(path, maxBytes);
}

/** Concatenates a stream's chunks, stopping (and releasing the stream) once over `maxBytes`. */
async function collectChunks(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let size = 0;
  for await (const chunk of streamChunks(stream)) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    size += bytes.length;
    checkSize(size, maxBytes);
    chunks.push(bytes);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

/** A stream's chunks. Web streams are async iterable in Node but not in every browser: those are read through a reader. */
export async function* streamChunks(
  stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>,
): AsyncGenerator<Uint8Array | string> {
  if (Symbol.asyncIterator in stream) {
    yield* stream as AsyncIterable<Uint8Array | string>;
    return;
  }
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel();
    reader.releaseLock();
  }
}
