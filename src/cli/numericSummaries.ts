import { categoriesIn, questionLabelIn, type Codebook } from "../codebook";
import type { ChartLocale } from "../charts";
import { estimateMean, estimateQuantiles, type MeanEstimate, type QuantileEstimate } from "../estimate";
import type { Survey } from "../survey";

/** The named questions that are numeric: `estimate` summarises them instead of estimating proportions. */
export function numericQuestionIds(codebook: Codebook, ids: readonly string[]): string[] {
  return ids.filter((id) => codebook.questions.find((q) => q.id === id)?.type === "numeric");
}

/** Mean (with its interval) and quartiles of each numeric question, labelled in `locale`; weighted when the survey has a design. */
export function numericSummaries(
  survey: Survey,
  ids: readonly string[],
  options: { level?: number; by?: string; locale: ChartLocale },
): { means: MeanEstimate[]; quantiles: QuantileEstimate[]; weighted: boolean } {
  const { locale, ...summary } = options;
  const labelled = <R extends NumericRow>(rows: R[]): R[] => labelledIn(rows, survey.codebook, options.by, locale);
  return {
    means: labelled(ids.flatMap((id) => estimateMean(survey, id, summary))),
    quantiles: labelled(ids.flatMap((id) => estimateQuantiles(survey, id, summary))),
    weighted: survey.designColumns !== undefined,
  };
}

type NumericRow = { question: string; questionLabel: string; group?: Record<string, string>; groupLabel?: string };

/** Numeric summary rows with their question and group labels in `locale` (the codebook's translations). */
export function labelledIn<R extends NumericRow>(rows: R[], codebook: Codebook, by: string | undefined, locale: ChartLocale): R[] {
  const byQuestion = codebook.questions.find((q) => q.id === by);
  const groupLabels = new Map(byQuestion ? categoriesIn(byQuestion, locale).map((c) => [c.code, c.label]) : []);
  return rows.map((row) => {
    const question = codebook.questions.find((q) => q.id === row.question);
    const group = row.group && by !== undefined ? groupLabels.get(row.group[by] ?? "") : undefined;
    return { ...row, ...(question ? { questionLabel: questionLabelIn(question, locale) } : {}), ...(group === undefined ? {} : { groupLabel: group }) };
  });
}
