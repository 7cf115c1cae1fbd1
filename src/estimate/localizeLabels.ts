import { categoriesIn, questionLabelIn, type Codebook } from "../codebook";
import type { Estimate } from "../types";

/**
 * Estimate rows with their question and category labels in `locale` ("fr-FR"), where the
 * codebook's `translations` give them; rows of questions it does not translate are unchanged.
 */
export function localizeLabels(rows: Estimate[], codebook: Codebook, locale: string): Estimate[] {
  const byId = new Map(codebook.questions.map((q) => [q.id, q]));
  return rows.map((row) => {
    const question = byId.get(row.question);
    if (!question) return row;
    const category = categoriesIn(question, locale).find((c) => c.code === row.category);
    return { ...row, questionLabel: questionLabelIn(question, locale), categoryLabel: category?.label ?? row.categoryLabel };
  });
}
