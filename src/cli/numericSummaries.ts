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
  const byQuestion = survey.codebook.questions.find((q) => q.id === options.by);
  const groupLabels = new Map(byQuestion ? categoriesIn(byQuestion, locale).map((c) => [c.code, c.label]) : []);
  const labelled = <R extends { question: string; questionLabel: string; group?: Record<string, string>; groupLabel?: string }>(rows: R[]): R[] =>
    rows.map((row) => {
      const question = survey.codebook.questions.find((q) => q.id === row.question);
      const group = row.group && options.by !== undefined ? groupLabels.get(row.group[options.by] ?? "") : undefined;
      return { ...row, ...(question ? { questionLabel: questionLabelIn(question, locale) } : {}), ...(group === undefined ? {} : { groupLabel: group }) };
    });
  return {
    means: labelled(ids.flatMap((id) => estimateMean(survey, id, summary))),
    quantiles: labelled(ids.flatMap((id) => estimateQuantiles(survey, id, summary))),
    weighted: survey.designColumns !== undefined,
  };
}
