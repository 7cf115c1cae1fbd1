import type { ChartLocale } from "../charts";
import { localeTexts } from "../charts/locale";
import type { MeanEstimate, QuantileEstimate } from "../estimate";
import { markdownCell } from "./markdownCell";

/** Options of `numericTable`. */
export interface NumericTableOptions {
  /** Number format and column headers (default "en-US"). */
  locale?: ChartLocale;
  /** Decimals of the mean, its limits and the quartiles (default 1). */
  decimals?: number;
  /** The estimates are weighted (design-based): the headers say so. */
  weighted?: boolean;
}

const HEADERS: Record<ChartLocale, (weighted: boolean, interval: string) => string[]> = {
  "en-US": (weighted, interval) => ["Question", weighted ? "unweighted n" : "n", weighted ? "weighted mean" : "Mean", interval, "Q1", "Median", "Q3"],
  "fr-FR": (weighted, interval) => ["Question", weighted ? "n non pondéré" : "n", weighted ? "moyenne pondérée" : "Moyenne", interval, "Q1", "Médiane", "Q3"],
};

/**
 * A Markdown table of numeric questions: one row per question (and group), with n, the mean
 * and its interval (`estimateMean`) and the quartiles (`estimateQuantiles` with 0.25, 0.5, 0.75).
 * A limit that does not exist (R's NA) prints "n/a".
 *
 * @param means - The means, from `estimateMean`.
 * @param quantiles - The quartiles, from `estimateQuantiles` (default quantiles).
 * @param options - The locale, the decimals (default 1) and whether the estimates are weighted.
 * @returns The Markdown table.
 *
 * @example
 * ```ts
 * import { estimateMean, estimateQuantiles, loadSurvey, numericTable } from "svyprop";
 *
 * const survey = await loadSurvey("age\n25\n31\n40\n28\n35\n", {
 *   codebook: { questions: [{ id: "age", column: "age", type: "numeric", label: "Age" }] },
 * });
 * numericTable(estimateMean(survey, "age"), estimateQuantiles(survey, "age")).split("\n")[2];
 * // → "| Age | 5 | 31.8 | 24.5–39.1 | 28.0 | 31.0 | 35.0 |"
 * ```
 */
export function numericTable(means: readonly MeanEstimate[], quantiles: readonly QuantileEstimate[], options: NumericTableOptions = {}): string {
  const locale = options.locale ?? "en-US";
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: options.decimals ?? 1, maximumFractionDigits: options.decimals ?? 1 });
  const show = (value: number) => (Number.isFinite(value) ? number.format(value) : "n/a");
  const level = Math.round((means[0]?.level ?? 0.95) * 1000) / 10;
  const headers = HEADERS[locale](options.weighted === true, localeTexts(locale).intervalName(String(level)));
  const sameRow = (a: MeanEstimate, b: QuantileEstimate) => a.question === b.question && JSON.stringify(a.group ?? {}) === JSON.stringify(b.group ?? {});
  const rows = means.map((mean) => {
    const quartile = (p: number) => quantiles.find((q) => sameRow(mean, q) && q.quantile === p)?.estimate ?? Number.NaN;
    const group = mean.group ? ` (${mean.groupLabel ?? Object.values(mean.group).join(" · ")})` : "";
    return [`${mean.questionLabel}${group}`, String(mean.n), show(mean.mean), `${show(mean.lower)}–${show(mean.upper)}`, show(quartile(0.25)), show(quartile(0.5)), show(quartile(0.75))];
  });
  const line = (values: string[]) => `| ${values.map(markdownCell).join(" | ")} |`;
  const alignment = headers.map((_, index) => (index === 0 ? "---" : "---:"));
  return [line(headers), `| ${alignment.join(" | ")} |`, ...rows.map(line)].join("\n") + "\n";
}
