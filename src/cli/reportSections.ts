import type { TopLevelSpec } from "vega-lite";
import { chartGroups, chartOfKind, defaultChartKind, type ChartLocale } from "../charts";
import type { Codebook } from "../codebook";
import { estimate, localizeLabels, type EstimateOptions } from "../estimate";
import type { OfficeReport, OfficeSection } from "../office/officeReport";
import type { Survey } from "../survey";
import type { Estimate } from "../types";

/** A report's content for the CLI: every section has a chart. */
export type SurveyReport = Omit<OfficeReport, "sections"> & { sections: (OfficeSection & { chart: TopLevelSpec })[] };

/**
 * What `report` and `slides` show: the estimates of `questions` (default: every categorical
 * question) with labels in `locale`, and the report — the codebook's title and source, one
 * section per chart group, the loading report.
 */
export function surveyReport(
  survey: Survey,
  options: { file: string; questions?: string[]; locale: ChartLocale; decimals: number; interval: Pick<EstimateOptions, "method" | "level"> },
): { rows: Estimate[]; report: SurveyReport } {
  const { codebook } = survey;
  const questions = options.questions ?? codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
  const rows = localizeLabels(
    questions.flatMap((id) => estimate(survey, id, options.interval)),
    codebook,
    options.locale,
  );
  const source = codebook.source?.citation;
  return {
    rows,
    report: {
      title: codebook.title ?? options.file,
      ...(source === undefined ? {} : { source }),
      sections: reportSections(rows, codebook, options),
      validation: survey.report,
    },
  };
}

/**
 * One section per chart group of the codebook (the binary questions that share a base
 * together, each other question alone), with its chart.
 */
function reportSections(rows: Estimate[], codebook: Codebook, style: { locale: ChartLocale; decimals: number }): SurveyReport["sections"] {
  const source = codebook.source?.citation;
  return chartGroups(rows, codebook, style.locale).map((group) => {
    const type = codebook.questions.find((q) => q.id === group.rows[0]?.question)?.type ?? "binary";
    const chart = chartOfKind(defaultChartKind(type, false), group.rows, {
      locale: style.locale,
      decimals: style.decimals,
      // Answers of one question keep the codebook's order; separate questions sort by size.
      order: type === "binary" ? "descending" : "input",
      ...(source === undefined ? {} : { source }),
    });
    return { heading: group.title, chart, rows: group.rows };
  });
}
