import type { Question } from "./types";
import { categoryValues } from "./categories";

/** Status codes an answer coder returns instead of a category index. */
export const AnswerStatus = {
  /** A missing code ("", "NA", "-99" …): the respondent did not answer. */
  missing: -1,
  /** A value that matches no category: reported with its row and column, never counted. */
  bad: -2,
  /** Not asked: the question's filter excludes this respondent. */
  filtered: -3,
} as const;

/**
 * Builds the function that turns one raw cell into a category index (0, 1, …) or an
 * `AnswerStatus`. Matching is exact after trimming white space, or case-insensitive when the
 * question says so; missing codes are the codebook's plus the question's own, and an empty
 * cell is always missing.
 *
 * @param question - The codebook question (binary, single or Likert).
 * @param codebookMissing - The codebook-wide missing codes.
 * @returns The coder: raw cell → category index ≥ 0, or a negative `AnswerStatus` (−1 missing, −2 bad value).
 *
 * @example
 * ```ts
 * import { createAnswerCoder } from "svyprop";
 *
 * const code = createAnswerCoder({ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }, ["NA"]);
 * [code("Oui"), code(" Non "), code("NA"), code(""), code("peut-être")]; // → [0, 1, -1, -1, -2]
 * ```
 */
export function createAnswerCoder(question: Question, codebookMissing: readonly string[] = []): (raw: string) => number {
  const normalise = question.caseInsensitive === true ? (s: string) => s.trim().toLowerCase() : (s: string) => s.trim();
  const missing = new Set(["", ...codebookMissing, ...(question.missing ?? [])].map(normalise));
  const index = new Map<string, number>();
  categoryValues(question).forEach((values, i) => {
    for (const value of values) index.set(normalise(value), i);
  });
  return (raw) => {
    const key = normalise(raw);
    const found = index.get(key);
    if (found !== undefined) return found;
    return missing.has(key) ? AnswerStatus.missing : AnswerStatus.bad;
  };
}
