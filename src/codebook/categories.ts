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
 *
 * @param question - The codebook question.
 * @returns Its categories' codes and labels.
 *
 * @example
 * ```ts
 * import { questionCategories } from "svyprop";
 *
 * questionCategories({ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] });
 * // → [{ code: "yes", label: "Yes" }, { code: "no", label: "No" }]
 * ```
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

/**
 * The raw answer values of each category, in the order of `questionCategories`.
 *
 * @param question - The codebook question.
 * @returns One list of raw values per category.
 *
 * @example
 * ```ts
 * import { categoryValues } from "svyprop";
 *
 * categoryValues({ id: "fb", column: "fb", type: "binary", positive: ["Oui", "1"], negative: ["Non", "0"] });
 * // → [["Oui", "1"], ["Non", "0"]]
 * ```
 */
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
