import type { Codebook } from "../codebook";
import { unknownQuestion } from "../codebook/groupingQuestion";
import { SurveyError } from "../errors";

/**
 * A crosstab's row or column question, refused alike by `crosstab`, `crosstabFromTallies` and
 * `crosstabSource` (there before either engine reads the file): it must be in the codebook and
 * have one answer per respondent.
 *
 * @param codebook - The codebook.
 * @param id - The question's id.
 * @returns Its label (else its id).
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` unless the codebook has it, `E_ARGUMENT` unless it is binary, single-choice or Likert.
 */
export function crosstabQuestionLabel(codebook: Codebook, id: string): string {
  const question = codebook.questions.find((q) => q.id === id);
  if (!question) throw unknownQuestion(id, codebook.questions.map((q) => q.id));
  if (question.type === "multi" || question.type === "numeric") {
    throw new SurveyError("E_ARGUMENT", `crosstab: question "${id}" must be binary, single-choice or Likert (one answer per respondent)`);
  }
  return question.label ?? id;
}
