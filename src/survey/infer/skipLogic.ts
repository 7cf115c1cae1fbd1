import { createAnswerCoder, questionCategories, type Filter, type Question } from "../../codebook";

/** A proposed question with the cells it reads: one column, or one per option. */
export interface QuestionCells {
  question: Question;
  /** Per column, each respondent's trimmed cell. */
  cells: string[][];
}

/** Filters rest on at least this many respondents, so that a few blanks do not look like skip logic by chance. */
const MIN_SKIPPED = 3;

/**
 * Skip logic read from the data: a question left blank exactly by the respondents who gave one
 * answer to an earlier question (and by those who did not answer that one) was not asked to
 * them. Its filter keeps the other answers of that question: `{ question, equals }` (or `in`
 * when several remain). The nearest earlier question that explains the blanks is chosen.
 */
export function skipFilter(
  target: QuestionCells,
  earlier: QuestionCells[],
  codebookMissing: readonly string[],
): { filter: Filter; reason: string } | undefined {
  const rows = target.cells[0]?.length ?? 0;
  const blank = Array.from({ length: rows }, (_, row) => target.cells.every((column) => column[row] === ""));
  const blanks = blank.filter(Boolean).length;
  if (blanks < MIN_SKIPPED || blanks === rows) return undefined;
  for (const condition of [...earlier].reverse()) {
    const { question } = condition;
    if (question.type === "multi" || question.type === "numeric") continue;
    const coder = createAnswerCoder(question, codebookMissing);
    const codes = (condition.cells[0] as string[]).map(coder);
    const categories = questionCategories(question);
    for (const [index, category] of categories.entries()) {
      const gave = codes.filter((code) => code === index).length;
      if (gave < MIN_SKIPPED || gave === codes.filter((code) => code >= 0).length) continue;
      if (!codes.every((code, row) => blank[row] === (code === index || code < 0))) continue;
      const kept = categories.filter((_, i) => i !== index).map((c) => c.code);
      const filter: Filter = kept.length === 1 ? { question: question.id, equals: kept[0] as string } : { question: question.id, in: kept };
      const skipped = codes.length - codes.filter((code) => code >= 0).length;
      return {
        filter,
        reason: `blank exactly for the ${gave} respondents who answered "${category.label}" to "${question.id}"` +
          (skipped > 0 ? ` and the ${skipped} who did not answer it` : ""),
      };
    }
  }
  return undefined;
}
