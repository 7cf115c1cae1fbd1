import { createAnswerCoder, questionCategories, type CategoryInfo, type Filter, type Question } from "../../codebook";

/** Filters rest on at least this many respondents, so that a few blanks do not look like skip logic by chance. */
const MIN_SKIPPED = 3;
/** With item non-response among those asked, more skipped respondents, and at most this share of the others blank. */
const MIN_SKIPPED_WITH_NONRESPONSE = 5;
const MAX_NONRESPONSE = 0.2;

/** An earlier question whose answers may open a later one: each respondent's category index (negative: no answer). */
export interface SkipCondition {
  question: Question;
  categories: CategoryInfo[];
  codes: number[];
  /** Respondents per category, and without an answer. */
  counts: number[];
  unanswered: number;
}

/** Codes a binary, single or Likert question for `skipFilter`; undefined for the others. */
export function skipCondition(question: Question, cells: string[], codebookMissing: readonly string[]): SkipCondition | undefined {
  if (question.type === "multi" || question.type === "numeric") return undefined;
  const coder = createAnswerCoder(question, codebookMissing);
  const categories = questionCategories(question);
  const codes = cells.map(coder);
  const counts = categories.map(() => 0);
  let unanswered = 0;
  for (const code of codes) {
    if (code >= 0) counts[code] = (counts[code] as number) + 1;
    else unanswered += 1;
  }
  return { question, categories, codes, counts, unanswered };
}

/**
 * Skip logic read from the data: a question left blank by every respondent who gave one answer
 * to an earlier question (and by those who did not answer that one) was not asked to them —
 * when the others answered it, all of them, or all but a few (at most 20 % item non-response,
 * and then at least five skipped respondents). Its filter keeps the other answers of that question: `{ question, equals }` (or `in`
 * when several remain). The nearest earlier question that explains the blanks is chosen.
 * `blank` says, per respondent, whether every cell of the question is empty.
 */
export function skipFilter(blank: boolean[], earlier: SkipCondition[]): { filter: Filter; reason: string } | undefined {
  const blanks = blank.filter(Boolean).length;
  if (blanks < MIN_SKIPPED || blanks === blank.length) return undefined;
  for (const condition of [...earlier].reverse()) {
    const { question, categories, codes, counts, unanswered } = condition;
    const answered = codes.length - unanswered;
    for (const [index, category] of categories.entries()) {
      const gave = counts[index] as number;
      // Blanks among those who gave another answer: item non-response of respondents who were asked.
      const nonresponse = blanks - gave - unanswered;
      const others = answered - gave;
      if (gave === answered || nonresponse < 0 || nonresponse >= others) continue;
      if (nonresponse === 0 ? gave < MIN_SKIPPED : gave < MIN_SKIPPED_WITH_NONRESPONSE || nonresponse > MAX_NONRESPONSE * others) continue;
      if (!codes.every((code, row) => blank[row] || (code >= 0 && code !== index))) continue;
      const kept = categories.filter((_, i) => i !== index).map((c) => c.code);
      const filter: Filter = kept.length === 1 ? { question: question.id, equals: kept[0] as string } : { question: question.id, in: kept };
      return {
        filter,
        reason: `blank for all ${gave} respondents who answered "${category.label}" to "${question.id}"` +
          (unanswered > 0 ? ` and the ${unanswered} who did not answer it` : "") +
          (nonresponse > 0 ? `; ${nonresponse} of the ${others} others left it blank too (no answer)` : ", and only for them"),
      };
    }
  }
  return undefined;
}
