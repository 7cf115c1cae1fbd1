import { SurveyError } from "../errors";

/**
 * Fails `E_BINARY_FILE` when data contain a NUL, which no CSV text has: a spreadsheet
 * (.xlsx, .xls), a zip, an image — or a UTF-16 export, which must be saved as UTF-8 first.
 *
 * @param data - The file's bytes or text.
 * @returns Nothing: it returns when the data can be CSV text.
 * @throws {@link SurveyError} `E_BINARY_FILE` when they hold a NUL.
 *
 * @example
 * ```ts
 * import { rejectBinary, SurveyError } from "svyprop";
 *
 * let code = "";
 * try {
 *   rejectBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])); // the start of an .xlsx (a zip)
 * } catch (error) {
 *   if (error instanceof SurveyError) code = error.code;
 * }
 * code; // → "E_BINARY_FILE"
 * ```
 */
export function rejectBinary(data: Uint8Array | string): void {
  const at = typeof data === "string" ? data.indexOf("\u0000") : data.indexOf(0);
  if (at >= 0) throw binaryFileError(at);
}

/** The `E_BINARY_FILE` of data holding a NUL byte at `offset`. */
export function binaryFileError(offset: number): SurveyError {
  return new SurveyError("E_BINARY_FILE", `the file is not text (a NUL byte at offset ${offset}): save it as CSV (UTF-8 or Windows-1252) first`);
}
