import { AnswerStatus, createAnswerCoder, filterOrder, leafFilters, type Codebook, type Filter } from "../codebook";
import type { CodedAnswers } from "./types";

/** A respondent who answered a question their filter excludes (skip-logic violation). */
export interface SkipViolation {
  /** The question answered. */
  question: string;
  /** The respondent's spreadsheet row (header = 1). */
  row: number;
}

/**
 * Restricts each filtered question to the respondents its filter selects: the others become
 * `AnswerStatus.filtered` (not asked). A respondent the filter excludes who answered anyway is
 * a skip-logic violation: left out (`AnswerStatus.bad`) and returned for the report; a
 * multi-select with no option chosen was not asked (REDCap writes 0 in every checkbox its
 * branching logic hides). Filters are applied in dependency order (`filterOrder`), so a filter
 * on a filtered question sees its final codes; chains and nested `all` lists of any depth are
 * walked without recursion.
 *
 * @param codebook - The codebook.
 * @param answers - Every question's coded answers, changed in place.
 * @param rowCount - The number of respondents.
 * @returns The skip-logic violations, for the report.
 *
 * @example
 * ```ts
 * import { applyFilters, type CodedAnswers, type Question } from "svyprop";
 *
 * const fb: Question = { id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] };
 * const realName: Question = {
 *   id: "real_name", column: "real_name", type: "binary", positive: ["Oui"], negative: ["Non"],
 *   filter: { question: "fb", equals: "yes" },
 * };
 * const yesNo = [{ code: "yes", label: "Yes" }, { code: "no", label: "No" }];
 * // Three respondents: fb yes, no, no; real_name yes, yes (but not asked), missing (-1).
 * const answers = new Map<string, CodedAnswers>([
 *   ["fb", { kind: "categorical", question: fb, categories: yesNo, codes: Int16Array.from([0, 1, 1]) }],
 *   ["real_name", { kind: "categorical", question: realName, categories: yesNo, codes: Int16Array.from([0, 0, -1]) }],
 * ]);
 * applyFilters({ questions: [fb, realName] }, answers, 3); // → [{ question: "real_name", row: 1 }]
 * // The violation is left out (-2, bad), the unanswered respondent was not asked (-3).
 * answers.get("real_name")?.codes; // → [0, -2, -3]
 * ```
 */
export function applyFilters(codebook: Codebook, answers: Map<string, CodedAnswers>, rowCount: number): SkipViolation[] {
  const violations: SkipViolation[] = [];
  for (const { id } of filterOrder(codebook)) {
    const coded = answers.get(id) as CodedAnswers;
    const filter = coded.question.filter;
    if (filter === undefined) continue;
    // The leaves of nested `all` lists, each resolved once: a respondent is asked when every one selects.
    const leaves = leafFilters(filter, id).map(([leaf]) => filterPredicate(leaf, answers));
    for (let row = 0; row < rowCount; row++) {
      if (leaves.every((selects) => selects(row))) continue;
      const code = coded.codes[row] as number;
      if (code >= 0 && !choseNothing(coded, row)) {
        coded.codes[row] = AnswerStatus.bad;
        violations.push({ question: id, row });
      } else if (code >= 0 || code === AnswerStatus.missing) {
        coded.codes[row] = AnswerStatus.filtered;
      }
    }
  }
  return violations;
}

/**
 * Whether one respondent meets a filter; an unanswered filter question never does.
 *
 * @param filter - The filter.
 * @param answers - Every question's coded answers.
 * @param row - The respondent's 0-based index.
 * @returns Whether the respondent meets the filter.
 *
 * @example
 * ```ts
 * import { parseCsv, passes, surveyFromTable } from "svyprop";
 *
 * const survey = surveyFromTable(parseCsv("fb\nOui\nNon\n"), {
 *   questions: [{ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }],
 * });
 * [passes({ question: "fb", equals: "yes" }, survey.answers, 0), passes({ question: "fb", equals: "yes" }, survey.answers, 1)];
 * // → [true, false]
 * ```
 */
export function passes(filter: Filter, answers: Map<string, CodedAnswers>, row: number): boolean {
  return filterPredicate(filter, answers)(row);
}

/**
 * The filter as a test of one respondent (by row), its wanted answers resolved once: each may be
 * a category code ("yes") or a raw value the codebook maps to a category ("Oui"), so a filter
 * written with the answer as the file holds it selects the same respondents as one written with
 * the code. An unanswered filter question never selects.
 *
 * @param filter - The filter.
 * @param answers - Every question's coded answers.
 * @returns The test of a respondent, by 0-based index.
 *
 * @example
 * ```ts
 * import { filterPredicate, parseCsv, surveyFromTable } from "svyprop";
 *
 * const survey = surveyFromTable(parseCsv("fb\nOui\nNon\n\nOui\n"), {
 *   questions: [{ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }],
 * });
 * // "Oui", the raw value, selects as the code "yes" does.
 * [0, 1, 2].map(filterPredicate({ question: "fb", equals: "Oui" }, survey.answers)); // → [true, false, true]
 * ```
 */
export function filterPredicate(filter: Filter, answers: Map<string, CodedAnswers>): (row: number) => boolean {
  if ("all" in filter) {
    const inner = filter.all.map((f) => filterPredicate(f, answers));
    return (row) => inner.every((selects) => selects(row));
  }
  const coded = answers.get(filter.question) as CodedAnswers;
  const answered = (row: number) => (coded.codes[row] as number) >= 0;
  if ("notMissing" in filter) return answered;
  const wanted = "equals" in filter ? [filter.equals] : filter.in;
  if (coded.kind === "numeric") {
    const numbers = wanted.map(Number);
    return (row) => answered(row) && numbers.includes(coded.values[row] as number);
  }
  const indices = wantedCategories(wanted, coded);
  if (coded.kind === "multi") {
    const chosen = [...indices].map((i) => coded.selected[i] as Uint8Array);
    return (row) => answered(row) && chosen.some((selected) => selected[row] === 1);
  }
  return (row) => indices.has(coded.codes[row] as number);
}

/**
 * Indices of the categories that wanted answers name, by code or by a raw value of the category.
 *
 * @param wanted - Category codes or raw values.
 * @param coded - The filter question's coded answers.
 * @returns The indices of the categories they name.
 *
 * @example
 * ```ts
 * import { parseCsv, surveyFromTable, wantedCategories } from "svyprop";
 *
 * const survey = surveyFromTable(parseCsv("fb\nOui\nNon\n"), {
 *   questions: [{ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }],
 * });
 * [...wantedCategories(["yes", "Non"], survey.answers.get("fb")!)]; // → [0, 1]
 * ```
 */
export function wantedCategories(wanted: readonly string[], coded: CodedAnswers): Set<number> {
  const codeOf = createAnswerCoder(coded.question);
  const indices = new Set<number>();
  for (const answer of wanted) {
    const byCode = coded.categories.findIndex((category) => category.code === answer);
    const index = byCode >= 0 ? byCode : codeOf(answer);
    if (index >= 0) indices.add(index);
  }
  return indices;
}

/** A multi-select answered with every option left unchosen (all 0). */
function choseNothing(coded: CodedAnswers, row: number): boolean {
  return coded.kind === "multi" && coded.selected.every((chosen) => chosen[row] !== 1);
}
