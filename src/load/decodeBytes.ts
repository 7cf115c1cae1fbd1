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
    return decodeWindows1252(bytes);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (encoding === "utf-8") {
      throw new SurveyError("E_ENCODING", 'the bytes are not valid UTF-8; try encoding "windows-1252"');
    }
    return decodeWindows1252(bytes);
  }
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (WHATWG index-windows-1252): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
 * Node ≥ 20.18.3 decodes them as Latin-1 control characters (nodejs/node#60888), so the
 * apostrophe ’ and € of French Excel files are mapped here.
 */
const C1_AS_WINDOWS_1252 = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
  + "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80] as string);
}
