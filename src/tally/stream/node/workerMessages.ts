import { SurveyError, type ErrorCode } from "../../../errors";
import type { ChunkTally } from "../tallyChunks";

/** An error as it crosses the thread boundary (class instances do not survive structured cloning). */
export interface SerializedError {
  name: string;
  message: string;
  /** `SurveyError` code, or a Node error code such as `ERR_ENCODING_INVALID_ENCODED_DATA`. */
  code?: string;
  row?: number;
  column?: string;
  value?: string;
}

/** What a tally worker posts to the thread that started it. */
export type WorkerMessage =
  | { type: "progress"; bytes: number }
  | { type: "done"; result: ChunkTally }
  | { type: "error"; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const { code, row, column, value } = error as Error & Partial<Omit<SerializedError, "name" | "message">>;
  return {
    name: error instanceof SurveyError ? "SurveyError" : error.constructor.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
    ...(value === undefined ? {} : { value }),
  };
}

/** Rebuilds a worker's error in this thread: a `SurveyError` keeps its code, row, column and value. */
export function deserializeError(error: SerializedError): Error {
  if (error.name === "SurveyError") {
    const message = error.message.replace(/^[A-Z_]+: /, "").replace(/ \((row|column|value) .*\)$/, "");
    return new SurveyError(error.code as ErrorCode, message, {
      ...(error.row === undefined ? {} : { row: error.row }),
      ...(error.column === undefined ? {} : { column: error.column }),
      ...(error.value === undefined ? {} : { value: error.value }),
    });
  }
  const rebuilt = error.name === "TypeError" ? new TypeError(error.message) : new Error(error.message);
  if (error.code !== undefined) Object.assign(rebuilt, { code: error.code });
  return rebuilt;
}
