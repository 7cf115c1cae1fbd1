import type { TopLevelSpec } from "vega-lite";
import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { placeBases } from "./bases";
import { captionLines } from "./caption";
import { type ChartDatum, distinct, toChartData } from "./chartData";
import { frameChart } from "./frame";
import { type ChartOptions, resolveChartOptions } from "./options";
import { segmentLayers, stackSegments } from "./segments";
import { nameBars } from "./barNames";
import { divergingColors } from "./theme";

export interface LikertChartOptions extends ChartOptions {
  /**
   * Category code of the neutral level, centred on zero. Default: the middle level of an odd
   * number of levels; `null` for none, and then the first half of the levels (rounded down)
   * lies left of zero.
   */
  neutral?: string | null;
}

/**
 * Diverging stacked bars of Likert items: levels in the rows' order (most negative first),
 * negative levels left of zero, positive right, the neutral level straddling zero, so the
 * balance of opinion reads at a glance. Colours from the theme's diverging palette.
 *
 * @param rows - Estimates of Likert questions, every level of each, most negative level first.
 * @param options - The options of every chart, and the `neutral` level's code.
 * @returns A Vega-Lite spec with its data inlined.
 *
 * @example
 * ```ts
 * import { likertChart, loadSurvey, estimate } from "svyprop";
 *
 * const csv = "trust\n1\n2\n2\n3\n4\n4\n5\n5\n5\n";
 * const survey = await loadSurvey(new TextEncoder().encode(csv), {
 *   codebook: { questions: [{ id: "trust", column: "trust", type: "likert", levels: ["1", "2", "3", "4", "5"] }] },
 * });
 * const spec = likertChart(estimate(survey, "trust"), { title: "I trust what colleagues post" });
 * JSON.stringify(spec).includes("I trust what colleagues post"); // → true
 * ```
 */
export function likertChart(rows: readonly Estimate[], options: LikertChartOptions = {}): TopLevelSpec {
  const { neutral: neutralOption, ...chartOptions } = options;
  const resolved = resolveChartOptions(chartOptions);
  const data = placeBases(nameBars(toChartData(rows, resolved)), "item");
  const levels = distinct(data.map((datum) => datum.category));
  const neutral = neutralLevel(levels, neutralOption);
  const negativeLevels = levels.slice(0, neutral === undefined ? Math.floor(levels.length / 2) : levels.indexOf(neutral));
  const colors = divergingColors(resolved.theme, levels.length);

  const leftOfZero = (segments: readonly ChartDatum[]) =>
    segments.reduce((sum, datum) => {
      if (negativeLevels.includes(datum.category)) return sum + datum.proportion;
      return datum.category === neutral ? sum + datum.proportion / 2 : sum;
    }, 0);
  const segments = stackSegments(data, colors, resolved, (bar) => -leftOfZero(bar));
  const reach = Math.max(...segments.map((segment) => Math.max(-segment.start, segment.end)));
  const halfWidth = Math.min(1, Math.ceil(reach * 10) / 10);

  return frameChart(
    {
      data: { values: segments },
      width: resolved.width,
      height: resolved.height ?? { step: 34 },
      layer: [
        // Zero first, under the segments: it shows between the bars without crossing the labels.
        { name: "zero", data: { values: [{}] }, mark: { type: "rule", color: resolved.theme.textColor }, encoding: { x: { datum: 0 } } },
        ...segmentLayers(segments, colors, resolved, {
          order: distinct(segments.map((segment) => segment.item)),
          domain: [-halfWidth, halfWidth],
          // Both sides count respondents: "40%" left of zero, not "−40%".
          labelExpr: "format(abs(datum.value), '.0%')",
        }),
      ],
    },
    captionLines(rows, resolved, { showsIntervals: false }),
    resolved,
  );
}

function neutralLevel(levels: readonly string[], option: string | null | undefined): string | undefined {
  if (option === null) return undefined;
  if (option === undefined) return levels.length % 2 === 1 ? levels[(levels.length - 1) / 2] : undefined;
  if (!levels.includes(option)) throw argumentError("neutral", `must be one of the categories ${levels.join(", ")}`, option);
  return option;
}
