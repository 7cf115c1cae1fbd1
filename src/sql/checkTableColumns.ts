import type { Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { namedColumns } from "../survey/indexColumns";
import { sqlPlan } from "./sqlPlan";

/**
 * Refuses a table that lacks a column the tally query of `questions` reads: `E_CODEBOOK` naming the
 * column and the JSON path of the codebook field that names it, as loading a CSV does — before an
 * engine reports it in its own words.
 */
export function checkTableColumns(columns: readonly string[], codebook: Codebook, questions?: readonly string[]): void {
  const plan = sqlPlan(codebook, questions);
  const read = new Set([...plan.questions.flatMap((question) => question.cells), ...Object.values(plan.design ?? {})]);
  const present = new Set(columns);
  for (const { column, path } of namedColumns(codebook)) {
    if (read.has(column) && !present.has(column)) {
      throw new SurveyError("E_CODEBOOK", `names a column the table does not have; columns are: ${columns.join(", ")}`, { column, path });
    }
  }
}
