import type { Encoding } from "../decodeBytes";

/**
 * The decoder of the streaming path. It never throws: the stream gathers the evidence of every
 * byte (`Utf8Evidence`) and decides the file's encoding at the end by `chooseEncoding`'s rule,
 * reading the file again in Windows-1252 when that is the answer. A UTF-8 BOM is dropped.
 */
export function textDecoderFor(encoding: Encoding): TextDecoder {
  return new TextDecoder(encoding);
}
