import { questionCategories, type CategoryInfo } from "./categories";
import type { Question } from "./types";

/**
 * A question's label in `locale` when the codebook translates it, else its own label (or id).
 *
 * @param question - The codebook question.
 * @param locale - The language, e.g. "fr-FR".
 * @returns The label.
 *
 * @example
 * ```ts
 * import { loadDataset, questionLabelIn } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const question = survey.codebook.questions.find((q) => q.id === "real_name")!;
 * questionLabelIn(question, "fr-FR"); // → "Le profil montre le vrai nom"
 * ```
 */
export function questionLabelIn(question: Question, locale?: string): string {
  return (locale && question.translations?.[locale]?.label) || question.label || question.id;
}

/**
 * The question's categories with their labels in `locale` where the codebook translates them.
 *
 * @param question - The codebook question.
 * @param locale - The language, e.g. "fr-FR".
 * @returns The categories' codes and labels.
 *
 * @example
 * ```ts
 * import { categoriesIn, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const question = survey.codebook.questions.find((q) => q.id === "real_name")!;
 * categoriesIn(question, "fr-FR"); // → [{ code: "yes", label: "Oui" }, { code: "no", label: "Non" }]
 * ```
 */
export function categoriesIn(question: Question, locale?: string): CategoryInfo[] {
  const translated = locale ? question.translations?.[locale]?.categories : undefined;
  return questionCategories(question).map((c) => ({ code: c.code, label: (translated && Object.hasOwn(translated, c.code) ? translated[c.code] : undefined) ?? c.label }));
}
