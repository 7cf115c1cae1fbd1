import type { Encoding } from "../decodeBytes";
import { Windows1252Decoder } from "../windows1252Decoder";

/**
 * The decoder of the streaming path. It never throws: the stream gathers the evidence of every
 * byte (`Utf8Evidence`) and decides the file's encoding at the end by `chooseEncoding`'s rule,
 * reading the file again in Windows-1252 when that is the answer. A UTF-8 BOM is dropped; 0x80–0x9F
 * of Windows-1252 are the WHATWG characters on every Node version (`Windows1252Decoder`).
 */
export function textDecoderFor(encoding: Encoding): TextDecoder {
  return encoding === "windows-1252" ? new Windows1252Decoder() : new TextDecoder(encoding);
}
