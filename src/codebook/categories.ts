import type { Question } from "./types";

/** A category as it appears in Estimate rows: a stable code and a label for readers. */
export interface CategoryInfo {
  /** Stable code, as filters, translations and `Estimate.category` use it. */
  code: string;
  /** The category as readers see it. */
  label: string;
}

/**
 * The categories a question is estimated over, in codebook order: the positive then the
 * negative answer of a binary question ("yes", "no"), the levels of a Likert item, the
 * categories of a single- or multi-choice question. Numeric questions have none.
 */
export function questionCategories(question: Question): CategoryInfo[] {
  switch (question.type) {
    case "binary":
      return [
        { code: "yes", label: question.positiveLabel ?? "Yes" },
        { code: "no", label: question.negativeLabel ?? "No" },
      ];
    case "single":
    case "multi":
      return question.categories.map(({ code, label }) => ({ code, label }));
    case "likert":
      return question.levels.map((level, i) => ({ code: level, label: question.levelLabels?.[i] ?? level }));
    case "numeric":
      return [];
  }
}

/** The raw answer values of each category, in the order of `questionCategories`. */
export function categoryValues(question: Question): string[][] {
  switch (question.type) {
    case "binary":
      return [question.positive, question.negative];
    case "single":
    case "multi":
      return question.categories.map((category) => category.values);
    case "likert":
      return question.levels.map((level) => [level]);
    case "numeric":
      return [];
  }
}
