import type { Encoding } from "../decodeBytes";

/**
 * The decoder of the streaming path. UTF-8 is strict: an invalid byte throws, so a caller that
 * was not told the encoding can start again in Windows-1252, as `decodeBytes` decides for a
 * whole file. A UTF-8 byte order mark is dropped.
 */
export function textDecoderFor(encoding: Encoding): TextDecoder {
  return encoding === "windows-1252" ? new TextDecoder("windows-1252") : new TextDecoder("utf-8", { fatal: true });
}

/** Whether an error is a strict UTF-8 decoder meeting bytes that are not UTF-8. */
export function isInvalidUtf8(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  return (error as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA" || /encoded data|decode/i.test(error.message);
}
