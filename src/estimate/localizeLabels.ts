import { categoriesIn, questionLabelIn, type Codebook } from "../codebook";
import type { Estimate } from "../types";

/**
 * Estimate rows with their question, category and group labels in `locale` ("fr-FR"), where the
 * codebook's `translations` give them (else the codebook's own labels); each row split by a
 * question gets its `groupLabel`, the label of its answer to that question ("Resident").
 */
export function localizeLabels(rows: Estimate[], codebook: Codebook, locale?: string): Estimate[] {
  const byId = new Map(codebook.questions.map((q) => [q.id, q]));
  const categoryLabel = (questionId: string, code: string): string | undefined => {
    const question = byId.get(questionId);
    return question ? categoriesIn(question, locale).find((c) => c.code === code)?.label : undefined;
  };
  return rows.map((row) => {
    const question = byId.get(row.question);
    const groupLabel = row.group && Object.entries(row.group).map(([by, code]) => categoryLabel(by, code) ?? code).join(" · ");
    return {
      ...row,
      ...(question && { questionLabel: questionLabelIn(question, locale), categoryLabel: categoryLabel(row.question, row.category) ?? row.categoryLabel }),
      ...(groupLabel !== undefined && { groupLabel }),
    };
  });
}
