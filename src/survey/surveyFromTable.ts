import { AnswerStatus, type Codebook, type DesignSpec } from "../codebook";
import { SurveyError } from "../errors";
import type { CsvTable } from "../load";
import { cutValue } from "../load/cutValue";
import { applyFilters } from "./applyFilters";
import { codeAnswers, type CellProblem } from "./codeAnswers";
import { indexColumns, namedColumns } from "./indexColumns";
import { IssueLog } from "./IssueLog";
import { duplicateIdIssue } from "./duplicateIdIssue";
import { readDesignColumns } from "./readDesignColumns";
import { reportWarnings, throwOnWarning } from "./reportWarnings";
import type { CodedAnswers, QuestionAccount, Survey } from "./types";

export interface SurveyOptions {
  /** Overrides or completes the codebook's design. */
  design?: DesignSpec;
  /** Stop at the first bad row, or the first warning, with a `SurveyError` (default: collect every problem in the report). */
  strict?: boolean;
  /**
   * Problems listed per question and code in `report.issues` (default 1000, `Infinity` for all):
   * the rest are counted in `report.omittedIssues`, so a file of bad cells cannot fill the memory.
   */
  issueLimit?: number;
}

/**
 * Builds a `Survey` from a parsed table and a checked codebook: codes every question once,
 * applies missing codes and filters, and accounts for every row of every question in
 * `survey.report`. Strict mode throws the problem on the earliest row instead.
 */
export function surveyFromTable(table: CsvTable, codebook: Codebook, options: SurveyOptions = {}): Survey {
  const design = { ...codebook.design, ...options.design };
  const columnIndex = requireColumns(table.header, { ...codebook, design });
  const rowCount = table.rows.length;
  const issues = new IssueLog(options.issueLimit);
  const ragged = findRaggedRows(table, issues);
  const idColumn = codebook.respondentId;
  const duplicates =
    idColumn === undefined ? new Set<number>() : findDuplicateIds(table, columnIndex.get(idColumn) as number, idColumn, ragged, issues);
  const leftOut = new Set([...ragged, ...duplicates]);
  const cell = (row: number, column: string) =>
    leftOut.has(row) ? undefined : table.rows[row]?.[columnIndex.get(column) as number];

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
    for (const row of leftOut) coded.codes[row] = AnswerStatus.bad;
    answers.set(question.id, coded);
  }
  for (const { question, row } of applyFilters(codebook, answers, rowCount)) {
    const coded = answers.get(question) as CodedAnswers;
    const column = "column" in coded.question ? coded.question.column : undefined;
    issues.push({
      code: "E_SKIP_LOGIC",
      row: table.rowNumbers[row] as number,
      ...(column === undefined ? {} : { column, value: cutValue(cell(row, column) ?? "") }),
      question,
      reason: "answered, but the question's filter excludes this respondent",
    });
  }
  const listed = issues.toReport();
  const questions = accountFor(answers);
  const warnings = reportWarnings(codebook, { rowsRead: rowCount, questions, ...listed });
  if (options.strict) {
    throwOnWarning(warnings); // first: a wrong filter also turns every answer to its question into a skip-logic issue
    const first = listed.issues[0];
    if (first !== undefined) throw new SurveyError(first.code, first.reason, first);
  }
  const designColumns = readDesignColumns(table, design);
  return {
    codebook,
    design,
    ...(designColumns === undefined ? {} : { designColumns }),
    rowCount,
    rowNumbers: table.rowNumbers,
    answers,
    report: { rowsRead: rowCount, questions, ...listed, warnings },
    readWith: {
      ...(table.delimiter === undefined ? {} : { delimiter: table.delimiter }),
      ...(table.format === undefined ? {} : { format: table.format }),
      ...(table.encoding === undefined ? {} : { encoding: table.encoding }),
    },
  };
}

/**
 * Column name → index (`indexColumns`, which refuses a duplicated column). A column the codebook
 * names but the file lacks is an `E_CODEBOOK` naming the column and the JSON path of the codebook
 * field that names it.
 */
function requireColumns(header: string[], codebook: Codebook): Map<string, number> {
  const index = indexColumns(header, codebook);
  for (const { column, path } of namedColumns(codebook)) {
    if (path.startsWith("design") || index.has(column)) continue;
    throw new SurveyError("E_CODEBOOK", `names a column the file does not have; columns are: ${header.join(", ")}`, {
      column,
      path,
    });
  }
  return index;
}

/** Rows with more or fewer fields than the header: left out of every question, each reported once. */
function findRaggedRows(table: CsvTable, issues: IssueLog): Set<number> {
  const ragged = new Set<number>();
  table.rows.forEach((fields, row) => {
    if (fields.length === table.header.length) return;
    ragged.add(row);
    issues.push({
      code: "E_RAGGED_ROW",
      row: table.rowNumbers[row] as number,
      value: cutValue(fields.join(table.delimiter ?? ",")),
      reason: `has ${fields.length} fields where the header has ${table.header.length}; left out of every question`,
    });
  });
  return ragged;
}

/**
 * Rows repeating an earlier row's respondent id: the first keeps its answers, each repeat is left
 * out of every question and reported once. Empty ids are not compared.
 */
function findDuplicateIds(table: CsvTable, idIndex: number, idColumn: string, skip: Set<number>, issues: IssueLog): Set<number> {
  const duplicates = new Set<number>();
  const firstRow = new Map<string, number>();
  table.rows.forEach((fields, row) => {
    if (skip.has(row)) return;
    const id = (fields[idIndex] ?? "").trim();
    if (id === "") return;
    const first = firstRow.get(id);
    if (first === undefined) {
      firstRow.set(id, table.rowNumbers[row] as number);
      return;
    }
    duplicates.add(row);
    issues.push(duplicateIdIssue(table.rowNumbers[row] as number, idColumn, id, first));
  });
  return duplicates;
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
