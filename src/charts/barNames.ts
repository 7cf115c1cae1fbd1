import type { ChartDatum } from "./chartData";

/**
 * Names each stacked bar: by group when the rows answer one question, by question when there
 * are no groups, by both otherwise. Used by the stacked and the Likert chart.
 */
export function nameBars(data: readonly ChartDatum[]): ChartDatum[] {
  const oneQuestion = new Set(data.map((datum) => datum.question)).size === 1;
  const hasGroups = data.some((datum) => datum.group !== "");
  return data.map((datum) => ({
    ...datum,
    item: oneQuestion && hasGroups ? datum.group : hasGroups ? `${datum.questionLabel}, ${datum.group}` : datum.questionLabel,
  }));
}
