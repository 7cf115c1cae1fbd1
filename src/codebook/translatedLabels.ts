import { questionCategories, type CategoryInfo } from "./categories";
import type { Question } from "./types";

/** A question's label in `locale` when the codebook translates it, else its own label (or id). */
export function questionLabelIn(question: Question, locale?: string): string {
  return (locale && question.translations?.[locale]?.label) || question.label || question.id;
}

/** The question's categories with their labels in `locale` where the codebook translates them. */
export function categoriesIn(question: Question, locale?: string): CategoryInfo[] {
  const translated = locale ? question.translations?.[locale]?.categories : undefined;
  return questionCategories(question).map((c) => ({ code: c.code, label: (translated && Object.hasOwn(translated, c.code) ? translated[c.code] : undefined) ?? c.label }));
}
