import { SurveyError } from "../errors";

/**
 * Fails `E_BINARY_FILE` when data contain a NUL, which no CSV text has: a spreadsheet
 * (.xlsx, .xls), a zip, an image — or a UTF-16 export, which must be saved as UTF-8 first.
 */
export function rejectBinary(data: Uint8Array | string): void {
  const at = typeof data === "string" ? data.indexOf("\u0000") : data.indexOf(0);
  if (at >= 0) throw binaryFileError(at);
}

/** The `E_BINARY_FILE` of data holding a NUL byte at `offset`. */
export function binaryFileError(offset: number): SurveyError {
  return new SurveyError("E_BINARY_FILE", `the file is not text (a NUL byte at offset ${offset}): save it as CSV (UTF-8 or Windows-1252) first`);
}
