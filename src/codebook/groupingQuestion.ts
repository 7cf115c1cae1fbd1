import { SurveyError } from "../errors";
import type { Codebook, Question } from "./types";

/**
 * The error for a question id the codebook lacks: `E_UNKNOWN_QUESTION`, listing the ids it has.
 *
 * @param id - The id asked for.
 * @param known - The codebook's question ids, in order.
 * @returns The error to throw.
 */
export function unknownQuestion(id: string, known: readonly string[]): SurveyError {
  return new SurveyError("E_UNKNOWN_QUESTION", `no question "${id}" in the codebook; questions are: ${known.join(", ")}`);
}

/**
 * The error for proportions asked of a numeric question: `E_ARGUMENT` (it has no categories).
 *
 * @param id - The numeric question's id.
 * @returns The error to throw.
 */
export function numericQuestion(id: string): SurveyError {
  return new SurveyError("E_ARGUMENT", `question "${id}" is numeric: it has no categories to estimate proportions of`);
}

/**
 * A question whose proportions are asked for (`estimate`, `estimatesFromTallies`,
 * `estimateSource` before either engine reads the file), refused as they refuse it.
 *
 * @param codebook - The codebook.
 * @param id - The question's id.
 * @returns The question: binary, single-choice, Likert or multi-select.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` for an id the codebook lacks, `E_ARGUMENT` for a numeric question.
 */
export function proportionQuestion(codebook: Codebook, id: string): Question {
  const question = codebook.questions.find((candidate) => candidate.id === id);
  if (!question) throw unknownQuestion(id, codebook.questions.map((candidate) => candidate.id));
  if (question.type === "numeric") throw numericQuestion(id);
  return question;
}

/**
 * The question a survey is split by (`estimate`'s and `tallyFile`'s `by`), refused as both
 * refuse it: an unknown id is `E_UNKNOWN_QUESTION`, a multi-select or numeric question `E_ARGUMENT`
 * (a respondent must fall in one group).
 *
 * @param codebook - The codebook.
 * @param id - The grouping question's id.
 * @returns The question: binary, single-choice or Likert.
 */
export function groupingQuestion(codebook: Codebook, id: string): Question {
  const question = codebook.questions.find((candidate) => candidate.id === id);
  if (!question) throw unknownQuestion(id, codebook.questions.map((candidate) => candidate.id));
  if (question.type === "multi" || question.type === "numeric") {
    throw new SurveyError("E_ARGUMENT", `by: question "${id}" must be binary, single-choice or Likert to split by`);
  }
  return question;
}
