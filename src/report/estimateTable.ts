import type { Estimate } from "../types";
import { groupLabel, distinct } from "../charts/chartData";
import { isWeighted } from "../charts/weighting";
import type { ChartLocale } from "../charts/locale";
import { intervalDigits, intervalName, percentText } from "../charts/percentText";
import type { FormatOptions } from "./formatEstimate";

/** A table of formatted estimates: what Markdown and HTML reports print. */
export interface EstimateTable {
  /** The column headers, in the table's language. */
  headers: string[];
  /** One row of formatted cells per estimate. */
  cells: string[][];
}

interface HeaderWords {
  question: string;
  category: string;
  group: string;
  base: string;
  percent: string;
  /** Title of the interval column when its rows have different levels. */
  interval: string;
  /** Titles of the base and percent columns when rows are weighted. */
  unweightedBase: string;
  weightedPercent: string;
}

const HEADERS: Record<ChartLocale, HeaderWords> = {
  "en-US": {
    question: "Question", category: "Answer", group: "Group", base: "n / base", percent: "%", interval: "CI",
    unweightedBase: "unweighted n / base", weightedPercent: "weighted %",
  },
  "fr-FR": {
    question: "Question", category: "Réponse", group: "Groupe", base: "n / base", percent: "%", interval: "IC",
    unweightedBase: "n / base non pondérés", weightedPercent: "% pondéré",
  },
};

/**
 * Rows as a printable table: question, answer, group (only when some row has one), n / base,
 * percent and interval ("unweighted n / base" and "weighted %" when some row is weighted:
 * its count and base are respondents, its percentage and interval the design's). When all rows share one level the interval column is titled with it
 * ("95% CI") and holds the limits; otherwise each cell names its own level.
 *
 * @param rows - The estimates.
 * @param options - The locale (default "en-US") and the percentages' decimals (default 0).
 * @returns The headers and the formatted cells.
 *
 * @example
 * ```ts
 * import { estimate, estimateTable, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * estimateTable(estimate(survey, "real_name"));
 * // → { headers: ["Question", "Answer", "n / base", "%", "95% CI"],
 * //     cells: [["Profile displays real name", "Yes", "138 / 140", "99%", "96–99"],
 * //             ["Profile displays real name", "No", "2 / 140", "1%", "1–4"]] }
 * ```
 */
export function estimateTable(rows: readonly Estimate[], options: FormatOptions = {}): EstimateTable {
  const style = { locale: options.locale ?? "en-US", decimals: options.decimals ?? 0 };
  const words = HEADERS[style.locale];
  const hasGroups = rows.some((row) => row.group !== undefined);
  const levels = distinct(rows.map((row) => intervalName(row.level, style.locale)));
  const sharedLevel = levels.length === 1 ? levels[0] : undefined;
  const weighted = rows.some(isWeighted);
  const headers = [
    words.question,
    words.category,
    ...(hasGroups ? [words.group] : []),
    weighted ? words.unweightedBase : words.base,
    weighted ? words.weightedPercent : words.percent,
    sharedLevel ?? words.interval,
  ];
  const cells = rows.map((row) => [
    row.questionLabel,
    row.categoryLabel,
    ...(hasGroups ? [groupLabel(row)] : []),
    `${row.count} / ${row.base}`,
    percentText(row, style),
    sharedLevel === undefined
      ? `${intervalName(row.level, style.locale)} ${intervalDigits(row, style)}`
      : intervalDigits(row, style),
  ]);
  return { headers, cells };
}
