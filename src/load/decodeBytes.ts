/** Text encodings svyprop reads: UTF-8 (with or without BOM) and the Windows-1252 of French Excel. */
export type Encoding = "utf-8" | "windows-1252";

/**
 * Decodes a whole file's bytes. Without an explicit encoding, bytes that are valid UTF-8 are
 * read as UTF-8 and anything else as Windows-1252 (a superset of Latin-1 for printable text),
 * so "Ne sait pas", "é" and "€" from a French Excel export survive. A UTF-8 BOM is dropped.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): string {
  if (encoding === "windows-1252") return new TextDecoder("windows-1252").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    if (encoding === "utf-8") throw error;
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
