import { createAnswerCoder, leafFilters, questionCategories, type Codebook, type Question } from "../codebook";
import { SurveyError } from "../errors";
import type { ReportWarning, ValidationReport } from "./types";

/**
 * The questions a codebook leaves without an estimate, each with its likely fix: a filter value
 * that is neither a code nor a raw answer of the question it names (`W_FILTER_VALUE_UNKNOWN`),
 * a filter that no respondent passes (`W_FILTER_EXCLUDES_ALL`), and a question with no usable
 * answer — every row missing or outside its categories (`W_NO_ANSWERS`). Read from the codebook
 * and the report's accounts, so a file read whole and a streamed one warn alike.
 *
 * @param codebook - The codebook.
 * @param report - The survey's validation report.
 * @returns The warnings, in codebook order.
 *
 * @example
 * ```ts
 * import { parseCsv, reportWarnings, surveyFromTable } from "svyprop";
 *
 * const codebook = {
 *   questions: [
 *     { id: "fb", column: "fb", type: "binary" as const, positive: ["Oui"], negative: ["Non"] },
 *     { id: "real_name", column: "real_name", type: "binary" as const, positive: ["Oui"], negative: ["Non"], filter: { question: "fb", equals: "maybe" } },
 *   ],
 * };
 * const survey = surveyFromTable(parseCsv("fb,real_name\nOui,Oui\nNon,\n"), codebook);
 * reportWarnings(codebook, survey.report); // → [{ code: "W_FILTER_VALUE_UNKNOWN", question: "real_name", path: "questions[1].filter.equals" }]
 * ```
 */
export function reportWarnings(codebook: Codebook, report: ValidationReport): ReportWarning[] {
  const byId = new Map(codebook.questions.map((q) => [q.id, q]));
  const warnings: ReportWarning[] = [];
  codebook.questions.forEach((question, index) => {
    const path = `questions[${index}]`;
    const unknown = question.filter ? unknownFilterValues(question, byId, `${path}.filter`) : [];
    warnings.push(...unknown);
    const account = report.questions[question.id];
    if (account === undefined || account.rowsRead === 0 || account.used > 0) return;
    if (account.notAsked > 0) {
      if (unknown.length > 0) return; // the unknown value says why, and how to fix it
      warnings.push({
        code: "W_FILTER_EXCLUDES_ALL",
        question: question.id,
        reason: `its filter leaves no respondent: ${account.notAsked} of ${account.rowsRead} rows not asked, 0 used`,
        fix: "check the filter's question and answers (a category code or a raw value of that question)",
        path: `${path}.filter`,
      });
      return;
    }
    const firstBad = report.issues.find((issue) => issue.question === question.id && issue.code === "E_BAD_VALUE");
    warnings.push({
      code: "W_NO_ANSWERS",
      question: question.id,
      reason:
        account.excluded > 0
          ? `no usable answer: ${account.excluded} of ${account.rowsRead} rows left out${firstBad?.value === undefined ? "" : `, e.g. value ${JSON.stringify(firstBad.value)} (row ${firstBad.row})`}`
          : `no usable answer: all ${account.rowsRead} rows are missing codes or empty`,
      fix:
        account.excluded > 0
          ? "add the file's values to the question's categories (values, positive/negative or levels)"
          : "check the question's column and the codebook's missing codes",
      path,
    });
  });
  return warnings;
}

/**
 * The first warning as the error `strict` mode throws, or nothing when there is none.
 *
 * @param warnings - The warnings, e.g. from `reportWarnings`.
 * @returns Nothing, when there is no warning.
 * @throws {@link SurveyError} `E_CODEBOOK` with the first warning's reason, fix and JSON path.
 *
 * @example
 * ```ts
 * import { SurveyError, throwOnWarning } from "svyprop";
 *
 * let path: string | undefined;
 * try {
 *   throwOnWarning([{ code: "W_NO_ANSWERS", question: "q", reason: "no usable answer", fix: "check the values", path: "questions[0]" }]);
 * } catch (error) {
 *   if (error instanceof SurveyError) path = error.path;
 * }
 * path; // → "questions[0]"
 * ```
 */
export function throwOnWarning(warnings: readonly ReportWarning[]): void {
  const first = warnings[0];
  if (first === undefined) return;
  throw new SurveyError("E_CODEBOOK", `question "${first.question}": ${first.reason}; ${first.fix}`, first.path === undefined ? {} : { path: first.path });
}

/** One warning per filter value that names no answer of its question. */
function unknownFilterValues(question: Question, byId: Map<string, Question>, path: string): ReportWarning[] {
  return leafFilters(question.filter!, path).flatMap(([leaf, leafPath]) => {
    if ("notMissing" in leaf) return [];
    const target = byId.get(leaf.question);
    if (target === undefined) return [];
    const wanted = "equals" in leaf ? [leaf.equals] : leaf.in;
    const named = namesAnswer(target);
    return wanted.flatMap((value, i) => {
      if (named(value)) return [];
      const codes = questionCategories(target).map((c) => c.code);
      return [
        {
          code: "W_FILTER_VALUE_UNKNOWN" as const,
          question: question.id,
          reason: `its filter names ${JSON.stringify(value)}, which is no answer of "${target.id}"`,
          fix: codes.length > 0 ? `use one of "${target.id}"'s codes (${codes.join(", ")}) or a raw value its categories list` : `use a number "${target.id}" can hold`,
          path: "equals" in leaf ? `${leafPath}.equals` : `${leafPath}.in[${i}]`,
        },
      ];
    });
  });
}

/** Whether a filter value names an answer of `question`: a category code, a raw value of a category, or (numeric) a number. */
function namesAnswer(question: Question): (value: string) => boolean {
  if (question.type === "numeric") return (value) => value.trim() !== "" && Number.isFinite(Number(value));
  const codes = new Set(questionCategories(question).map((c) => c.code));
  const coder = createAnswerCoder(question);
  return (value) => codes.has(value) || coder(value) >= 0;
}
