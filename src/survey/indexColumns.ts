import type { Codebook } from "../codebook";
import { SurveyError } from "../errors";

/**
 * Each column the codebook reads (respondent id, question columns, design columns) with the
 * JSON path of the codebook field that names it, in codebook order.
 */
export function namedColumns(codebook: Codebook): Array<{ column: string; path: string }> {
  const named: Array<{ column: string; path: string }> = [];
  if (codebook.respondentId !== undefined) named.push({ column: codebook.respondentId, path: "respondentId" });
  codebook.questions.forEach((question, i) => {
    if (question.type === "multi" && question.columns) {
      for (const [code, column] of Object.entries(question.columns)) named.push({ column, path: `questions[${i}].columns.${code}` });
    } else named.push({ column: question.column as string, path: `questions[${i}].column` });
  });
  const { weights, strata, cluster, fpc, calibration } = codebook.design ?? {};
  for (const [key, column] of Object.entries({ weights, strata, cluster, fpc })) {
    if (typeof column === "string") named.push({ column, path: `design.${key}` });
    // A multistage design's cluster and fpc: one entry a stage.
    if (Array.isArray(column)) column.forEach((entry, k) => typeof entry === "string" && named.push({ column: entry, path: `design.${key}[${k}]` }));
  }
  calibration?.margins.forEach((margin, k) => named.push({ column: margin.column, path: `design.calibration.margins[${k}].column` }));
  return named;
}

/**
 * Each column the codebook reads → index of its first occurrence in the header, for both reading
 * paths (columns the codebook does not read are left out, so a file of a million columns costs a
 * map of the few it uses). A column the codebook reads that the file has twice is an
 * `E_DUPLICATE_COLUMN` naming the column and the JSON path of the codebook field that names it:
 * which of the two holds the answers cannot be guessed.
 */
function indexColumns(header: readonly string[], codebook: Codebook): Map<string, number> {
  const named = namedColumns(codebook);
  const wanted = new Set(named.map(({ column }) => column));
  const index = new Map<string, number>();
  const repeated = new Set<string>();
  header.forEach((name, i) => {
    if (!wanted.has(name)) return;
    if (index.has(name)) repeated.add(name);
    else index.set(name, i);
  });
  for (const { column, path } of named) {
    if (repeated.has(column)) {
      throw new SurveyError("E_DUPLICATE_COLUMN", "the file has two columns of this name: rename one", { column, path });
    }
  }
  return index;
}

/**
 * Each column the codebook reads → index in the header (`indexColumns`), checked once the header
 * is read, by both reading paths alike: a question, respondent-id or design column the file lacks
 * is an `E_CODEBOOK` naming the column and the JSON path of the codebook field that names it
 * (`missingColumn`). Each path throws it after the file's own errors (a bad byte, an unterminated
 * quote, `E_NO_ROWS`), as when a file was read whole first.
 *
 * @throws {@link SurveyError} `E_DUPLICATE_COLUMN` or `E_CODEBOOK` for a column that does not fit the file.
 */
export function requireColumns(header: readonly string[], codebook: Codebook): Map<string, number> {
  const index = indexColumns(header, codebook);
  for (const { column, path } of namedColumns(codebook)) {
    if (!index.has(column)) throw missingColumn(column, path, header);
  }
  return index;
}

/** The `E_CODEBOOK` of a column the codebook field at `path` names and the file lacks, listing the file's columns. */
export function missingColumn(column: string, path: string, header: readonly string[]): SurveyError {
  return new SurveyError("E_CODEBOOK", `names a column the file does not have; columns are: ${header.join(", ")}`, { column, path });
}
