import { SurveyError } from "../errors";
import { decodeBytes, type Encoding } from "./decodeBytes";

/**
 * Where survey data can come from: a file path, CSV text (any string containing a line
 * break), a `file:` or `http(s):` URL, bytes, or a stream (web `ReadableStream` or Node
 * `Readable`, both async iterables of byte chunks).
 */
export type Source = string | URL | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/**
 * Reads a whole source as text. Bytes are gathered before decoding, so a multi-byte character
 * split across two stream chunks is never corrupted.
 */
export async function readSourceText(source: Source, encoding?: Encoding): Promise<string> {
  if (typeof source === "string") {
    if (/[\r\n]/.test(source)) return source.replace(/^\uFEFF/, "");
    return decodeBytes(await readPath(source), encoding);
  }
  if (source instanceof Uint8Array) return decodeBytes(source, encoding);
  if (source instanceof URL) {
    if (source.protocol === "file:") return decodeBytes(await readPath(source), encoding);
    const response = await fetch(source);
    if (!response.ok) throw new SurveyError("E_IO", `cannot fetch ${source.href}: HTTP ${response.status}`);
    return decodeBytes(new Uint8Array(await response.arrayBuffer()), encoding);
  }
  return decodeBytes(await collectChunks(source), encoding);
}

async function readPath(path: string | URL): Promise<Uint8Array> {
  const { readFileBytes } = await import("./node/readFileBytes");
  return readFileBytes(path);
}

async function collectChunks(stream: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  }
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
