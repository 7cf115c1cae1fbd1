/** Stable error codes: scripts and tests may rely on them. */
export type ErrorCode =
  | "E_ARGUMENT"
  | "E_CSV_PARSE"
  | "E_UNKNOWN_COLUMN"
  | "E_BAD_VALUE"
  | "E_CODEBOOK"
  | "E_UNKNOWN_QUESTION"
  | "E_EMPTY_FILE"
  | "E_RAGGED_ROW"
  | "E_SKIP_LOGIC"
  | "E_IO"
  | "E_ENCODING"
  | "E_BINARY_FILE"
  | "E_TOO_LARGE"
  | "E_NO_ROWS"
  | "E_DUPLICATE_ID"
  | "E_DUPLICATE_COLUMN"
  | "E_BAD_WEIGHT"
  | "E_LONELY_PSU"
  | "E_FPC";

/** Where a `SurveyError` is: each field that applies. */
export interface SurveyErrorDetails {
  /** 1-based row as a spreadsheet shows it (the header is row 1, the first answer row 2). */
  row?: number;
  /** The CSV column (or design column, or option) at fault. */
  column?: string;
  /** The value found there. */
  value?: string;
  /** JSON path of a bad codebook field, e.g. `questions[2].filter.question`. */
  path?: string;
  /** The file (or folder) that could not be read or written, as the user named it. */
  file?: string;
}

/**
 * The one error class of svyprop. `code` is stable; `row`, `column`, `value` and `path`
 * are set where they apply, and the message repeats them for a human reader.
 */
export class SurveyError extends Error {
  /** What went wrong, as a stable code scripts can test. */
  readonly code: ErrorCode;
  /** The message without the code and the location. */
  readonly reason: string;
  /** Spreadsheet row (header = 1), when the error is about a row. */
  readonly row?: number;
  /** The column at fault, when there is one. */
  readonly column?: string;
  /** The value at fault, when there is one. */
  readonly value?: string;
  /** JSON path of a bad codebook field, e.g. `questions[2].filter.question`. */
  readonly path?: string;
  /** The file (or folder) that could not be read or written. */
  readonly file?: string;

  /**
   * @param code - The stable error code.
   * @param message - What went wrong, in words (without the location: the details add it).
   * @param details - Row, column, value, JSON path or file, where they apply.
   */
  constructor(code: ErrorCode, message: string, details: SurveyErrorDetails = {}) {
    super(`${code}: ${message}${describeLocation(details)}`);
    this.name = "SurveyError";
    this.code = code;
    this.reason = message;
    if (details.row !== undefined) this.row = details.row;
    if (details.column !== undefined) this.column = details.column;
    if (details.value !== undefined) this.value = details.value;
    if (details.path !== undefined) this.path = details.path;
    if (details.file !== undefined) this.file = details.file;
  }
}

function describeLocation({ row, column, value, path, file }: SurveyErrorDetails): string {
  const parts: string[] = [];
  if (file !== undefined) parts.push(`file "${file}"`);
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(`column "${column}"`);
  if (value !== undefined) parts.push(`value ${JSON.stringify(value)}`);
  if (path !== undefined) parts.push(`at ${path}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/**
 * The `E_ARGUMENT` error naming a bad argument and, when given, its value (for the caller to throw).
 *
 * @param name - The argument's name, e.g. "level".
 * @param problem - What is wrong with it, e.g. "must be in (0, 1)".
 * @param value - The value given, shown in the message.
 * @returns The error.
 *
 * @example
 * ```ts
 * import { argumentError } from "svyprop";
 *
 * argumentError("level", "must be in (0, 1)", 95).message; // → "E_ARGUMENT: level must be in (0, 1) (got 95)"
 * ```
 */
export function argumentError(name: string, problem: string, value?: unknown): SurveyError {
  const shown = value === undefined ? "" : ` (got ${String(value)})`;
  return new SurveyError("E_ARGUMENT", `${name} ${problem}${shown}`);
}
