import { CHART_KINDS } from "../charts";
import type { Question } from "../codebook";
import { didYouMean } from "./didYouMean";
import { UsageError } from "./usageError";

/**
 * Refuses a `--type` that is not a chart kind (suggesting the closest) or that the question
 * cannot honestly be drawn as, saying what to write instead: a grouped chart needs the groups (`--by`), and a multi-select chart's caption says several
 * answers were allowed, which is false of any other question type.
 */
export function checkChartKind(kind: string, question: Question, by: string | undefined): void {
  const kinds = Object.keys(CHART_KINDS);
  if (!kinds.includes(kind)) throw new UsageError(`--type must be one of ${kinds.join(", ")} (got "${kind}")${didYouMean(kind, kinds)}`);
  if (kind === "grouped" && by === undefined) {
    throw new UsageError("--type grouped draws the answers side by side for each group of another question: add --by QUESTION");
  }
  if (kind === "multi" && question.type !== "multi") {
    const instead = question.type === "likert" ? "likert, bar or stacked" : "bar or stacked";
    throw new UsageError(
      `--type multi is for a question where several answers were allowed, and "${question.id}" is a ${question.type} question: use --type ${instead}`,
    );
  }
}
