import { categoriesIn, questionLabelIn, type Codebook } from "../codebook";
import type { Estimate } from "../types";

/**
 * Estimate rows with their question, category and group labels in `locale` ("fr-FR"), where the
 * codebook's `translations` give them (else the codebook's own labels); each row split by a
 * question gets its `groupLabel`, the label of its answer to that question ("Resident").
 *
 * @param rows - The estimates.
 * @param codebook - The survey's codebook, with its translations.
 * @param locale - The language, e.g. "fr-FR" (default: the codebook's own labels).
 * @returns New rows with the labels in that language.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset, localizeLabels } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const [first] = localizeLabels(estimate(survey, "facebook", { by: "position" }), survey.codebook, "fr-FR");
 * first; // → { questionLabel: "A un profil Facebook", categoryLabel: "Oui", groupLabel: "Interne" }
 * ```
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
