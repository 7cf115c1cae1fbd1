import { SurveyError } from "../errors";
import { Utf8Evidence } from "./Utf8Evidence";
import { Windows1252Decoder } from "./windows1252Decoder";

/**
 * Text encodings svyprop reads: UTF-8 (with or without BOM) and the Windows-1252 of French
 * Excel, which also reads Latin-1 (ISO-8859-1) text: the WHATWG Encoding standard decodes
 * ISO-8859-1 as Windows-1252, its superset for printable text.
 */
export type Encoding = "utf-8" | "windows-1252";

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes a whole file's bytes in the encoding `chooseEncoding` decides; a UTF-8 BOM is dropped.
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
 */
export function chooseEncoding(bytes: Uint8Array, encoding?: Encoding, rowOf?: (offset: number) => number): Encoding {
  const hasBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  if (encoding === "windows-1252" && !hasBom) return encoding;
  const evidence = new Utf8Evidence();
  evidence.push(bytes);
  return encodingFromEvidence(evidence.finish(), encoding, rowOf);
}

/** `chooseEncoding`'s rule on evidence gathered elsewhere (a stream); `windows-1252` was not asked for. */
export function encodingFromEvidence(evidence: Utf8Evidence, encoding?: Encoding, rowOf?: (offset: number) => number): Encoding {
  if (evidence.firstInvalid < 0) return "utf-8";
  if (encoding !== "utf-8" && evidence.multibyte === 0) return "windows-1252";
  throw encodingError(evidence, encoding, rowOf?.(evidence.firstInvalid));
}

/** The `E_ENCODING` of a file whose bytes are not all UTF-8 where UTF-8 is asked for or evident. */
export function encodingError(evidence: Utf8Evidence, encoding: Encoding | undefined, row: number | undefined): SurveyError {
  const where = `byte 0x${evidence.invalidByte.toString(16).toUpperCase().padStart(2, "0")} at offset ${evidence.firstInvalid}`;
  const message =
    encoding === "utf-8"
      ? `the bytes are not valid UTF-8 (${where}); try encoding "windows-1252"`
      : `${where} is not UTF-8, yet the file holds ${evidence.multibyte} UTF-8 character(s) elsewhere: it mixes encodings. ` +
        'Fix that byte (save the file as UTF-8 again), or pass encoding "windows-1252" to read every byte as Windows-1252';
  return new SurveyError("E_ENCODING", message, row === undefined ? {} : { row });
}
