import type { TopLevelSpec } from "vega-lite";
import { chartGroups, chartOfKind, defaultChartKind, type ChartLocale } from "../charts";
import type { Codebook } from "../codebook";
import type { OfficeReport, OfficeSection } from "../office/officeReport";
import { estimateSource, type SourceEstimates } from "../estimate/estimateSource";
import type { ValidationReport } from "../survey";
import type { CliIO } from "./command";
import { intervalOptions } from "./intervalOptions";
import { streamProgressBar } from "./progressBar";
import { encodingOption, localeOption } from "./sharedOptions";
import { streamOption } from "./streamOption";
import type { Estimate } from "../types";

/** A report's content for the CLI: every section has a chart. */
export type SurveyReport = Omit<OfficeReport, "sections"> & { sections: (OfficeSection & { chart: TopLevelSpec })[] };

/**
 * The estimates `report` and `slides` show: of the --question ones (default: every categorical
 * question), labels in --locale, streamed from a large file (or with --stream) when the codebook
 * allows it, else read whole (`estimateSource`), with a progress bar on a terminal unless --quiet.
 */
export async function estimateReported(
  file: string,
  codebook: Codebook,
  values: { question?: string[] | undefined; method?: string | undefined; level?: string | undefined; locale?: string | undefined; strict?: boolean | undefined; encoding?: string | undefined; stream?: boolean | undefined; quiet?: boolean | undefined },
  io: CliIO,
): Promise<SourceEstimates> {
  const questions = values.question ?? codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
  const progress = io.isTTY && !values.quiet ? streamProgressBar(io) : undefined;
  const estimated = await estimateSource(file, codebook, {
    questions,
    ...intervalOptions(values),
    locale: localeOption(values.locale),
    strict: values.strict === true,
    ...encodingOption(values.encoding),
    stream: streamOption(values.stream, codebook, { questions, summarised: [], method: values.method }),
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();
  return estimated;
}

/**
 * What `report` and `slides` show of estimates (labels already in `locale`): the codebook's
 * title and source, one section per chart group, and the validation report of the file read.
 * It reads nothing but these, so estimates streamed or from a file read whole give the same report.
 */
export function surveyReport(rows: Estimate[], codebook: Codebook, validation: ValidationReport, options: { file: string; locale: ChartLocale; decimals: number }): SurveyReport {
  const source = codebook.source?.citation;
  return {
    title: codebook.title ?? options.file,
    ...(source === undefined ? {} : { source }),
    sections: reportSections(rows, codebook, options),
    validation,
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
