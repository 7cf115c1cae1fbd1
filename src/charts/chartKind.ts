import type { TopLevelSpec } from "vega-lite";
import type { QuestionType } from "../codebook";
import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { barChart } from "./barChart";
import { forestChart } from "./forestChart";
import { groupedBarChart } from "./groupedBarChart";
import { likertChart } from "./likertChart";
import { multiSelectChart } from "./multiSelectChart";
import type { ChartOptions } from "./options";
import { stackedBarChart } from "./stackedBarChart";

/** The chart kinds by name, as the command line and report generators choose them. */
export const CHART_KINDS = {
  /** Horizontal bars with intervals (`barChart`). */
  bar: barChart,
  /** Subgroups side by side (`groupedBarChart`). */
  grouped: groupedBarChart,
  /** Shares stacked to 100 % (`stackedBarChart`). */
  stacked: stackedBarChart,
  /** Diverging bars of an agreement scale (`likertChart`). */
  likert: likertChart,
  /** Dots and intervals (`forestChart`). */
  forest: forestChart,
  /** Bars of a multi-select question, saying several answers were allowed (`multiSelectChart`). */
  multi: multiSelectChart,
} as const satisfies Record<string, (rows: readonly Estimate[], options?: ChartOptions) => TopLevelSpec>;

/** A chart kind's name: "bar", "grouped", "stacked", "likert", "forest" or "multi". */
export type ChartKind = keyof typeof CHART_KINDS;

/**
 * The chart of `kind` for the rows; an unknown kind is an `E_ARGUMENT` naming the known ones.
 *
 * @param kind - A chart kind's name: one of the keys of `CHART_KINDS`.
 * @param rows - The estimates to draw.
 * @param options - The options of every chart.
 * @returns The Vega-Lite spec of that kind.
 * @throws {@link SurveyError} `E_ARGUMENT` for an unknown kind, naming the known ones.
 *
 * @example
 * ```ts
 * import { chartOfKind, estimate, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * chartOfKind("bar", estimate(survey, "real_name")).$schema; // → "https://vega.github.io/schema/vega-lite/v6.json"
 * ```
 */
export function chartOfKind(kind: string, rows: readonly Estimate[], options?: ChartOptions): TopLevelSpec {
  if (!(kind in CHART_KINDS)) throw argumentError("chart type", `must be one of ${Object.keys(CHART_KINDS).join(", ")}`, kind);
  return CHART_KINDS[kind as ChartKind](rows, options);
}

const CATEGORICAL: readonly QuestionType[] = ["binary", "single", "likert", "multi"];

/** The question types each kind draws truthfully. */
const FITS: Record<ChartKind, { types: readonly QuestionType[]; why: string }> = {
  bar: { types: CATEGORICAL, why: "" },
  forest: { types: CATEGORICAL, why: "" },
  grouped: { types: CATEGORICAL, why: "" },
  stacked: { types: ["binary", "single", "likert"], why: "stacks shares that add up to 100 %, which a multi-select's do not" },
  likert: { types: ["likert"], why: "diverges around the neutral level of an agreement scale (a likert question's levels)" },
  multi: { types: ["multi"], why: "says in its caption that several answers were allowed" },
};

/**
 * Refuses a chart kind that would misstate a question, with a hint: `multi` on a single-choice
 * question (its caption would claim several answers), `likert` on anything but a Likert scale,
 * `stacked` on a multi-select (shares add up to more than 100 %), `grouped` without subgroups,
 * and any chart of a numeric question. `E_ARGUMENT`, naming the kinds that fit.
 *
 * @param kind - The chart kind asked for.
 * @param question - The question's id and type.
 * @param grouped - Whether the rows are split by a grouping question.
 * @returns Nothing: it returns when the kind fits.
 * @throws {@link SurveyError} `E_ARGUMENT` naming the kinds that fit, when it does not.
 *
 * @example
 * ```ts
 * import { checkChartKind, SurveyError } from "svyprop";
 *
 * let refused = "";
 * try {
 *   checkChartKind("likert", { id: "real_name", type: "binary" }, false);
 * } catch (error) {
 *   if (error instanceof SurveyError) refused = error.code;
 * }
 * refused; // → "E_ARGUMENT"
 * ```
 */
export function checkChartKind(kind: string, question: { id: string; type: QuestionType }, grouped: boolean): void {
  if (!(kind in CHART_KINDS)) throw argumentError("chart type", `must be one of ${Object.keys(CHART_KINDS).join(", ")}`, kind);
  const fits = (Object.keys(FITS) as ChartKind[]).filter((k) => FITS[k].types.includes(question.type) && (k !== "grouped" || grouped));
  const name = `question "${question.id}" (${question.type})`;
  if (question.type === "numeric") throw argumentError("chart type", `cannot draw ${name}: it has no categories to chart proportions of; draw its mean with type mean (meanChart)`, kind);
  if (kind === "grouped" && !grouped) {
    throw argumentError("chart type", "grouped compares subgroups: add --by QUESTION (in the library, estimate with { by })", kind);
  }
  const fit = FITS[kind as ChartKind];
  if (!fit.types.includes(question.type)) {
    throw argumentError("chart type", `${kind} ${fit.why}; it does not fit ${name}: use ${fits.join(" or ")}`, kind);
  }
}

/**
 * The chart a question type reads best as: Likert diverging, multi-select bars, subgroups side by side, else bars.
 *
 * @param questionType - The question's type.
 * @param grouped - Whether the rows are split by a grouping question.
 * @returns The kind to draw.
 *
 * @example
 * ```ts
 * import { defaultChartKind } from "svyprop";
 *
 * defaultChartKind("likert", false); // → "likert"
 * defaultChartKind("binary", true); // → "grouped"
 * ```
 */
export function defaultChartKind(questionType: QuestionType, grouped: boolean): ChartKind {
  if (questionType === "likert") return "likert";
  if (grouped) return "grouped";
  return questionType === "multi" ? "multi" : "bar";
}
