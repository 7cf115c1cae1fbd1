import { SurveyError } from "../errors";

/**
 * Text encodings svyprop reads: UTF-8 (with or without BOM) and the Windows-1252 of French
 * Excel, which also reads Latin-1 (ISO-8859-1) text: the WHATWG Encoding standard decodes
 * ISO-8859-1 as Windows-1252, its superset for printable text.
 */
export type Encoding = "utf-8" | "windows-1252";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes a whole file's bytes. Without an explicit encoding, bytes that are valid UTF-8 are
 * read as UTF-8 and anything else as Windows-1252, so "Ne sait pas", "é" and "€" from a French
 * Excel export survive. A UTF-8 BOM marks the bytes as UTF-8 whatever was asked, and is dropped.
 * Forcing UTF-8 on bytes that are not UTF-8 is an `E_ENCODING`.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): string {
  const hasBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  if (!hasBom && encoding === "windows-1252") {
    return new TextDecoder("windows-1252").decode(bytes);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (encoding === "utf-8") {
      throw new SurveyError("E_ENCODING", 'the bytes are not valid UTF-8; try encoding "windows-1252"');
    }
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * The encoding a whole file's bytes are read in, by `decodeBytes`'s rule: a UTF-8 BOM or valid
 * UTF-8 is UTF-8, anything else Windows-1252 (an `E_ENCODING` when UTF-8 was asked for).
 */
export function chooseEncoding(bytes: Uint8Array, encoding?: Encoding): Encoding {
  const hasBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  if (hasBom) return "utf-8";
  if (encoding === "windows-1252") return encoding;
  if (isValidUtf8(bytes)) return "utf-8";
  if (encoding === "utf-8") throw new SurveyError("E_ENCODING", 'the bytes are not valid UTF-8; try encoding "windows-1252"');
  return "windows-1252";
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
