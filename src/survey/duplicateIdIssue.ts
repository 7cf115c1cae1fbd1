import { cutValue } from "../load/cutValue";
import type { DataIssue } from "./types";

/**
 * The problem of a row repeating an earlier row's respondent id (both reading paths): the first
 * row keeps its answers, the repeat is left out of every question.
 */
export function duplicateIdIssue(row: number, column: string, id: string, firstRow: number): DataIssue {
  return { code: "E_DUPLICATE_ID", row, column, value: cutValue(id), reason: `repeats the respondent id of row ${firstRow}; left out of every question` };
}
