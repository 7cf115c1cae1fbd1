import { AnswerStatus, filterOrder, leafFilters, type Codebook, type Filter } from "../codebook";
import type { CodedAnswers } from "./types";

/** A respondent who answered a question their filter excludes (skip-logic violation). */
export interface SkipViolation {
  question: string;
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
 */
export function applyFilters(codebook: Codebook, answers: Map<string, CodedAnswers>, rowCount: number): SkipViolation[] {
  const violations: SkipViolation[] = [];
  for (const { id } of filterOrder(codebook)) {
    const coded = answers.get(id) as CodedAnswers;
    const filter = coded.question.filter;
    if (filter === undefined) continue;
    const leaves = leafFilters(filter, id).map(([leaf]) => leaf);
    for (let row = 0; row < rowCount; row++) {
      if (leaves.every((leaf) => passes(leaf, answers, row))) continue;
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

/** Whether one respondent meets a filter; an unanswered filter question never does. */
export function passes(filter: Filter, answers: Map<string, CodedAnswers>, row: number): boolean {
  if ("all" in filter) return filter.all.every((inner) => passes(inner, answers, row));
  const coded = answers.get(filter.question) as CodedAnswers;
  const code = coded.codes[row] as number;
  if (code < 0) return false;
  if ("notMissing" in filter) return true;
  const wanted = "equals" in filter ? [filter.equals] : filter.in;
  if (coded.kind === "numeric") return wanted.map(Number).includes(coded.values[row] as number);
  if (coded.kind === "multi") {
    return coded.categories.some((category, i) => wanted.includes(category.code) && coded.selected[i]?.[row] === 1);
  }
  return wanted.includes(coded.categories[code]?.code as string);
}

/** A multi-select answered with every option left unchosen (all 0). */
function choseNothing(coded: CodedAnswers, row: number): boolean {
  return coded.kind === "multi" && coded.selected.every((chosen) => chosen[row] !== 1);
}
