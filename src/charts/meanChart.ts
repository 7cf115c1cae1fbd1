import type { TopLevelSpec } from "vega-lite";
import { argumentError } from "../errors";
import type { MeanEstimate } from "../estimate/numericEstimates";
import { captionOfSentences } from "./caption";
import { distinct } from "./chartData";
import { dotWhiskerLayers } from "./dotWhiskerLayers";
import { frameChart } from "./frame";
import { itemAxis, itemStep } from "./itemAxis";
import { localeTexts } from "./locale";
import { type ChartOptions, resolveChartOptions } from "./options";
import { intervalName } from "./percentText";
import { roundDecimal } from "./roundDecimal";

/**
 * Means with their confidence intervals (`estimateMean` rows: numeric questions, or Likert
 * questions as the mean of their level numbers 1…k): a dot at each mean, its interval as a
 * whisker and "3.42 (3.21–3.63)" beside it, one row per question — or per group when the rows
 * are one question split with `by`; several questions split by groups tell the groups apart by
 * colour. Decimals follow the narrowest interval's precision (two significant digits of its
 * half-width); the axis does not start at zero, as a mean has no natural baseline.
 *
 * @param rows - `estimateMean` rows (at least one, each with a finite mean).
 * @param options - Title, caption, locale, theme and size, as for the other charts.
 * @returns A Vega-Lite spec with the data inlined.
 * @throws {@link SurveyError} `E_ARGUMENT` for no rows or a mean that is not a finite number.
 *
 * @example
 * ```ts
 * import { estimateMean, loadSurvey, meanChart } from "svyprop";
 *
 * const survey = await loadSurvey("age\n25\n31\n40\n28\n35\n", {
 *   codebook: { questions: [{ id: "age", column: "age", type: "numeric", label: "Age (years)" }] },
 * });
 * const spec = meanChart(estimateMean(survey, "age"));
 * // The mean 31.8 with its 95% interval [24.48577, 39.11423] (R: confint(svymean(~age, d), df = 4)).
 * JSON.stringify(spec).includes("31.8 (24.5–39.1)"); // → true
 * ```
 */
export function meanChart(rows: readonly MeanEstimate[], options: ChartOptions = {}): TopLevelSpec {
  if (rows.length === 0) throw argumentError("rows", "must hold at least one mean");
  rows.forEach((row, i) => {
    if (!Number.isFinite(row.mean)) throw argumentError(`rows[${i}].mean`, "must be a finite number", row.mean);
  });
  const resolved = resolveChartOptions(options);
  const { theme, locale } = resolved;
  const texts = localeTexts(locale);
  const decimals = meanDecimals(rows);
  const number = (value: number) => roundDecimal(value, { decimals }).replace(".", texts.decimal);
  const interval = (row: MeanEstimate) => (Number.isNaN(row.lower) || Number.isNaN(row.upper) ? "n/a" : `${number(row.lower)}${texts.rangeDash}${number(row.upper)}`);
  const severalQuestions = distinct(rows.map((row) => row.question)).length > 1;
  const sameBase = distinct(rows.map((row) => String(row.n))).length === 1;
  const withBase = (text: string, row: MeanEstimate) => (sameBase ? text : `${text} (${texts.baseText(row.n)})`);
  const data = rows.map((row) => ({
    item: withBase(severalQuestions || row.groupLabel === undefined ? row.questionLabel : row.groupLabel, row),
    group: severalQuestions ? (row.groupLabel ?? "") : "",
    mean: row.mean,
    lower: Number.isNaN(row.lower) ? row.mean : row.lower,
    upper: Number.isNaN(row.upper) ? row.mean : row.upper,
    label: `${number(row.mean)} (${interval(row)})`,
    labelAt: Number.isNaN(row.upper) ? row.mean : row.upper,
  }));
  const order = distinct(data.map((datum) => datum.item));
  const groups = distinct(data.map((datum) => datum.group));
  const grouped = groups.length > 1;
  const x = { type: "quantitative", title: texts.meanAxisTitle, scale: { zero: false, nice: true } } as const;
  const rowPlacement = {
    y: itemAxis(order),
    ...(grouped && { yOffset: { field: "group", type: "nominal", sort: "ascending", scale: { domain: groups } } as const }),
  };
  const color = grouped
    ? { color: { field: "group", type: "nominal", sort: null, scale: { domain: groups, range: [...theme.categoricalPalette] }, legend: { title: resolved.groupTitle ?? texts.groupTitle, orient: "top", direction: "horizontal", symbolOpacity: 1 } } as const }
    : {};
  const levels = distinct(rows.map((row) => String(row.level)));
  const sentences = [
    sameBase ? `${texts.baseText(rows[0]!.n)}.` : texts.basesVaryNote,
    ...levels.map((level) => texts.errorBarNote(intervalName(Number(level), locale), texts.meanIntervalMethod)),
  ];
  return frameChart(
    {
      data: { values: data },
      width: resolved.width,
      height: resolved.height ?? { step: grouped ? 18 : itemStep(order, 28) },
      layer: dotWhiskerLayers({
        placement: rowPlacement,
        x,
        valueX: { ...x, field: "mean", axis: { tickCount: 5, grid: true } },
        color: grouped ? { encoding: color } : { mark: { color: theme.intervalColor } },
        tooltipField: "label",
      }),
    },
    captionOfSentences(sentences, resolved),
    resolved,
  );
}

/** Decimals that show two significant digits of the narrowest half-width (0 to 4). */
function meanDecimals(rows: readonly MeanEstimate[]): number {
  const halfWidths = rows.map((row) => (row.upper - row.lower) / 2).filter((w) => Number.isFinite(w) && w > 0);
  if (halfWidths.length === 0) return 2;
  return Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(Math.min(...halfWidths)))));
}
