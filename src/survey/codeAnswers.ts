import { AnswerStatus, createAnswerCoder, parseNumberAnswer, questionCategories, readOptionMark, type Question } from "../codebook";
import { cutValue } from "../load/cutValue";
import type { CodedAnswers } from "./types";

/** Reads one cell of the current row by column name (undefined when the row lacks it). */
export type CellReader = (row: number, column: string) => string | undefined;

/** A problem found while coding one cell, before the survey layer records or throws it. */
export interface CellProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/**
 * Codes every respondent's answer to one question in one pass: category indices for binary,
 * single and Likert questions; chosen options for multi-select; numbers for numeric ones.
 * Values outside the codebook become `AnswerStatus.bad` and are passed to `onProblem`.
 */
export function codeAnswers(
  question: Question,
  rowCount: number,
  cell: CellReader,
  codebookMissing: readonly string[],
  onProblem: (problem: CellProblem) => void,
): CodedAnswers {
  const codes = new Int16Array(rowCount);
  const categories = questionCategories(question);
  const coder = createAnswerCoder(question, codebookMissing);

  if (question.type === "numeric") {
    const values = new Float64Array(rowCount).fill(Number.NaN);
    for (let row = 0; row < rowCount; row++) {
      const raw = cell(row, question.column) ?? "";
      if (coder(raw) === AnswerStatus.missing) {
        codes[row] = AnswerStatus.missing;
        continue;
      }
      const value = parseNumberAnswer(raw);
      if (Number.isFinite(value)) values[row] = value;
      else {
        codes[row] = AnswerStatus.bad;
        onProblem({ row, column: question.column, value: cutValue(raw), reason: "not a number" });
      }
    }
    return { kind: "numeric", question, categories: [], codes, values };
  }

  if (question.type === "multi") {
    const selected = categories.map(() => new Uint8Array(rowCount));
    for (let row = 0; row < rowCount; row++) {
      codes[row] = question.columns
        ? codeOptionColumns(question.columns, categories.map((c) => c.code), row, cell, selected, onProblem)
        : codeSeparatedOptions(question.column ?? "", question.separator ?? ";", coder, row, cell, selected, onProblem);
    }
    return { kind: "multi", question, categories, codes, selected };
  }

  for (let row = 0; row < rowCount; row++) {
    const raw = cell(row, question.column) ?? "";
    const code = coder(raw);
    codes[row] = code;
    if (code === AnswerStatus.bad) {
      onProblem({ row, column: question.column, value: cutValue(raw), reason: `matches no category of "${question.id}"` });
    }
  }
  return { kind: "categorical", question, categories, codes };
}

/** One column holding every chosen option, e.g. "facebook;twitter". */
function codeSeparatedOptions(
  column: string,
  separator: string,
  coder: (raw: string) => number,
  row: number,
  cell: CellReader,
  selected: Uint8Array[],
  onProblem: (problem: CellProblem) => void,
): number {
  const raw = cell(row, column) ?? "";
  if (coder(raw) === AnswerStatus.missing) return AnswerStatus.missing;
  const parts = raw.split(separator).filter((part) => part.trim() !== "");
  const indices = parts.map(coder);
  const badPart = parts.find((_, i) => (indices[i] as number) < 0);
  if (badPart !== undefined) {
    onProblem({ row, column, value: cutValue(raw), reason: `option "${cutValue(badPart.trim())}" matches no category` });
    return AnswerStatus.bad;
  }
  for (const index of indices) (selected[index] as Uint8Array)[row] = 1;
  return 0;
}

/** One 0/1 column per option; a row with every option column empty did not answer. */
function codeOptionColumns(
  columns: Record<string, string>,
  codes: string[],
  row: number,
  cell: CellReader,
  selected: Uint8Array[],
  onProblem: (problem: CellProblem) => void,
): number {
  let empty = 0;
  for (const [index, code] of codes.entries()) {
    const column = columns[code] as string;
    const raw = cell(row, column) ?? "";
    if (raw.trim() === "") empty += 1;
    const mark = readOptionMark(raw);
    if (mark === "chosen") (selected[index] as Uint8Array)[row] = 1;
    else if (mark === undefined) {
      onProblem({ row, column, value: cutValue(raw), reason: "an option column takes 1/0 (or yes/no, true/false, Y, Checked/Unchecked)" });
      return AnswerStatus.bad;
    }
  }
  return empty === codes.length ? AnswerStatus.missing : 0;
}
