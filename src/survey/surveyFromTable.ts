import { AnswerStatus, type Codebook, type DesignSpec } from "../codebook";
import { SurveyError } from "../errors";
import type { CsvTable } from "../load";
import { applyFilters } from "./applyFilters";
import { codeAnswers, type CellProblem } from "./codeAnswers";
import type { CodedAnswers, DataIssue, QuestionAccount, Survey } from "./types";

export interface SurveyOptions {
  /** Overrides or completes the codebook's design. */
  design?: DesignSpec;
  /** Stop at the first bad row with a `SurveyError` (default: collect every problem in the report). */
  strict?: boolean;
}

/**
 * Builds a `Survey` from a parsed table and a checked codebook: codes every question once,
 * applies missing codes and filters, and accounts for every row of every question in
 * `survey.report`. Strict mode throws the problem on the earliest row instead.
 */
export function surveyFromTable(table: CsvTable, codebook: Codebook, options: SurveyOptions = {}): Survey {
  const columnIndex = indexColumns(table.header, codebook);
  const rowCount = table.rows.length;
  const issues: DataIssue[] = [];
  const ragged = findRaggedRows(table, issues);
  const cell = (row: number, column: string) =>
    ragged.has(row) ? undefined : table.rows[row]?.[columnIndex.get(column) as number];

  const answers = new Map<string, CodedAnswers>();
  for (const question of codebook.questions) {
    const record = (problem: CellProblem) =>
      issues.push({
        code: "E_BAD_VALUE",
        row: table.rowNumbers[problem.row] as number,
        column: problem.column,
        value: problem.value,
        question: question.id,
        reason: problem.reason,
      });
    const coded = codeAnswers(question, rowCount, cell, codebook.missing ?? [], record);
    for (const row of ragged) coded.codes[row] = AnswerStatus.bad;
    answers.set(question.id, coded);
  }
  for (const { question, row } of applyFilters(codebook, answers, rowCount)) {
    const coded = answers.get(question) as CodedAnswers;
    const column = "column" in coded.question ? coded.question.column : undefined;
    issues.push({
      code: "E_SKIP_LOGIC",
      row: table.rowNumbers[row] as number,
      ...(column === undefined ? {} : { column, value: cell(row, column) ?? "" }),
      question,
      reason: "answered, but the question's filter excludes this respondent",
    });
  }
  issues.sort((a, b) => a.row - b.row);
  if (options.strict && issues.length > 0) {
    const first = issues[0] as DataIssue;
    throw new SurveyError(first.code, first.reason, first);
  }
  return {
    codebook,
    design: { ...codebook.design, ...options.design },
    rowCount,
    rowNumbers: table.rowNumbers,
    answers,
    report: { rowsRead: rowCount, questions: accountFor(answers), issues },
  };
}

/** Column name → index; a codebook column missing from the header is `E_UNKNOWN_COLUMN`. */
function indexColumns(header: string[], codebook: Codebook): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  codebook.questions.forEach((question, i) => {
    const columns = "columns" in question && question.columns ? Object.values(question.columns) : [question.column as string];
    for (const column of columns) {
      if (!index.has(column)) {
        throw new SurveyError(
          "E_UNKNOWN_COLUMN",
          `question "${question.id}" names a column the file does not have; columns are: ${header.join(", ")}`,
          { column, path: `questions[${i}]` },
        );
      }
    }
  });
  return index;
}

/** Rows with more or fewer fields than the header: left out of every question, each reported once. */
function findRaggedRows(table: CsvTable, issues: DataIssue[]): Set<number> {
  const ragged = new Set<number>();
  table.rows.forEach((fields, row) => {
    if (fields.length === table.header.length) return;
    ragged.add(row);
    issues.push({
      code: "E_RAGGED_ROW",
      row: table.rowNumbers[row] as number,
      value: fields.join(","),
      reason: `has ${fields.length} fields where the header has ${table.header.length}; left out of every question`,
    });
  });
  return ragged;
}

function accountFor(answers: Map<string, CodedAnswers>): Record<string, QuestionAccount> {
  const accounts: Record<string, QuestionAccount> = Object.create(null);
  for (const [id, coded] of answers) {
    const account: QuestionAccount = { rowsRead: coded.codes.length, used: 0, missing: 0, notAsked: 0, excluded: 0 };
    for (const code of coded.codes) {
      if (code >= 0) account.used += 1;
      else if (code === AnswerStatus.missing) account.missing += 1;
      else if (code === AnswerStatus.filtered) account.notAsked += 1;
      else account.excluded += 1;
    }
    accounts[id] = account;
  }
  return accounts;
}
