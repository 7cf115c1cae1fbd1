import { SurveyError } from "../errors";
import { startsWithUtf8Bom } from "./startsWithUtf8Bom";
import { Utf8Evidence } from "./Utf8Evidence";
import { Windows1252Decoder } from "./windows1252Decoder";

/**
 * Text encodings svyprop reads: UTF-8 (with or without BOM) and the Windows-1252 of French
 * Excel, which also reads Latin-1 (ISO-8859-1) text: the WHATWG Encoding standard decodes
 * ISO-8859-1 as Windows-1252, its superset for printable text.
 */
export type Encoding = "utf-8" | "windows-1252";

/**
 * Decodes a whole file's bytes in the encoding `chooseEncoding` decides; a UTF-8 BOM is dropped.
 *
 * @param bytes - The whole file.
 * @param encoding - "utf-8" or "windows-1252" to insist on one (default: decided from the bytes).
 * @returns The text.
 * @throws {@link SurveyError} `E_ENCODING` for bytes that mix encodings, or are not UTF-8 when UTF-8 is asked for.
 *
 * @example
 * ```ts
 * import { decodeBytes } from "svyprop";
 *
 * // "café" as a French Excel saves it (Windows-1252):
 * decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])); // → "café"
 * decodeBytes(new TextEncoder().encode("café")); // → "café"
 * ```
 */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): string {
  return chooseEncoding(bytes, encoding) === "windows-1252" ? new Windows1252Decoder().decode(bytes) : new TextDecoder("utf-8").decode(bytes);
}

/**
 * The encoding of a whole file, decided once from the evidence of all its bytes (`Utf8Evidence`),
 * by the rule both reading paths follow:
 * - a UTF-8 BOM, or bytes that are all valid UTF-8: UTF-8;
 * - `windows-1252` asked for: Windows-1252 (which also reads Latin-1);
 * - bytes that are not UTF-8 and hold no UTF-8 character either (a French Excel export):
 *   Windows-1252, so "é" and "€" survive;
 * - bytes that are not UTF-8 but hold UTF-8 characters elsewhere, or UTF-8 asked for: the file
 *   mixes encodings, and guessing would turn every "Très" or every "é" into a bad value, so it is
 *   an `E_ENCODING` naming the first bad byte, its offset and (with `rowOf`) its spreadsheet row.
 *
 * @param bytes - The whole file.
 * @param encoding - The encoding asked for, if any.
 * @param rowOf - Gives the spreadsheet row of a byte offset, for the error message.
 * @returns "utf-8" or "windows-1252".
 * @throws {@link SurveyError} `E_ENCODING` as described.
 *
 * @example
 * ```ts
 * import { chooseEncoding } from "svyprop";
 *
 * chooseEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9])); // → "windows-1252"
 * chooseEncoding(new TextEncoder().encode("café")); // → "utf-8"
 * ```
 */
export function chooseEncoding(bytes: Uint8Array, encoding?: Encoding, rowOf?: (offset: number) => number): Encoding {
  if (encoding === "windows-1252" && !startsWithUtf8Bom(bytes)) return encoding;
  const evidence = new Utf8Evidence();
  evidence.push(bytes);
  return encodingFromEvidence(evidence.finish(), encoding, rowOf);
}

/**
 * `chooseEncoding`'s rule on evidence gathered elsewhere (a stream); `windows-1252` was not asked for.
 *
 * @param evidence - The evidence of every byte of the file.
 * @param encoding - The encoding asked for, if any.
 * @param rowOf - Gives the spreadsheet row of a byte offset, for the error message.
 * @returns "utf-8" or "windows-1252".
 * @throws {@link SurveyError} `E_ENCODING` as `chooseEncoding`.
 *
 * @example
 * ```ts
 * import { encodingFromEvidence } from "svyprop";
 *
 * // A file whose bytes are all valid UTF-8:
 * encodingFromEvidence({ firstInvalid: -1, invalidByte: 0, multibyte: 3 } as never); // → "utf-8"
 * ```
 */
export function encodingFromEvidence(evidence: Utf8Evidence, encoding?: Encoding, rowOf?: (offset: number) => number): Encoding {
  if (evidence.firstInvalid < 0) return "utf-8";
  if (encoding !== "utf-8" && evidence.multibyte === 0) return "windows-1252";
  throw encodingError(evidence, encoding, rowOf?.(evidence.firstInvalid));
}

/**
 * The `E_ENCODING` of a file whose bytes are not all UTF-8 where UTF-8 is asked for or evident.
 *
 * @param evidence - The evidence of the file's bytes.
 * @param encoding - The encoding asked for, if any.
 * @param row - The spreadsheet row of the first bad byte, when known.
 * @returns The error, naming the byte, its offset and row.
 *
 * @example
 * ```ts
 * import { encodingError } from "svyprop";
 *
 * const error = encodingError({ firstInvalid: 3, invalidByte: 0xe9, multibyte: 1 } as never, "utf-8", 2);
 * error.code; // → "E_ENCODING"
 * error.row; // → 2
 * ```
 */
export function encodingError(evidence: Utf8Evidence, encoding: Encoding | undefined, row: number | undefined): SurveyError {
  const where = `byte 0x${evidence.invalidByte.toString(16).toUpperCase().padStart(2, "0")} at offset ${evidence.firstInvalid}`;
  const message =
    encoding === "utf-8"
      ? `the bytes are not valid UTF-8 (${where}); try encoding "windows-1252"`
      : `${where} is not UTF-8, yet the file holds ${evidence.multibyte} UTF-8 character(s) elsewhere: it mixes encodings. ` +
        'Fix that byte (save the file as UTF-8 again), or pass encoding "windows-1252" to read every byte as Windows-1252';
  return new SurveyError("E_ENCODING", message, row === undefined ? {} : { row });
}
