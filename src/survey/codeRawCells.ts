import { AnswerStatus, type Question } from "../codebook";
import { codeAnswers } from "./codeAnswers";

/** What one respondent's raw cells mean for a question. */
export interface CellCoding {
  /** Category index (binary, single, Likert), 0 (answered multi-select or numeric), or an `AnswerStatus`. */
  code: number;
  /** The options chosen, for an answered multi-select question. */
  selected: readonly number[];
  /** The number, for an answered numeric question (NaN otherwise). */
  value: number;
  /** Why the cells are a bad value, with the offending cell, when `code` is `AnswerStatus.bad`. */
  problem?: { column: string; value: string; reason: string };
}

/** The CSV columns a question reads, in the order `codeRawCells` expects their cells. */
export function questionColumns(question: Question): string[] {
  if (question.type === "multi" && question.columns) return Object.values(question.columns);
  return [question.column as string];
}

/**
 * Codes one respondent's cells for a question exactly as `surveyFromTable` does — by running
 * the survey layer's own `codeAnswers` on a one-row table — so the streaming tally, which calls
 * it once per distinct raw value, can never disagree with the in-memory path.
 */
export function codeRawCells(question: Question, codebookMissing: readonly string[]): (cells: readonly string[]) => CellCoding {
  const columns = questionColumns(question);
  return (cells) => {
    let problem: CellCoding["problem"];
    const coded = codeAnswers(
      question,
      1,
      (_, column) => cells[columns.indexOf(column)],
      codebookMissing,
      ({ column, value, reason }) => (problem = { column, value, reason }),
    );
    const code = coded.codes[0] as number;
    const selected =
      coded.kind === "multi" && code >= 0 ? coded.selected.flatMap((chosen, i) => (chosen[0] === 1 ? [i] : [])) : [];
    const value = coded.kind === "numeric" ? (coded.values[0] as number) : Number.NaN;
    return problem && code === AnswerStatus.bad ? { code, selected, value, problem } : { code, selected, value };
  };
}
