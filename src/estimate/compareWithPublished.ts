import { denominatorsFor, isConsistent, parsePrintedFigure } from "../stats/consistency";
import { roundRatio } from "../stats/roundRatio";
import type { Estimate } from "../types";
import type { PublishedFigure } from "../survey/published";

/** How one published figure fares against the data. */
export type Verdict = "reproduced" | "differs" | "not-reproducible";

/** One published figure set against the data: our figure, the verdict, and why. */
export interface FigureComparison {
  /** The figure as published. */
  figure: PublishedFigure;
  /** The matching whole-sample Estimate row, when the figure is about a question. */
  estimate?: Estimate;
  /** The base the comparison used: printed, else assumed, else the data's. */
  base: number | null;
  /** Our percentage, rounded as the figure is printed (exact on k/n). */
  ours: string | null;
  /** Whether the data reproduce it. */
  verdict: Verdict;
  /** Why a figure differs or cannot be reproduced. */
  detail?: string;
  /**
   * For a figure printed without its denominator: every base (up to the number of respondents)
   * over which its count prints as the printed percentage — the denominators the paper may have used.
   */
  fittingBases?: number[];
}

/** Facts about the sample itself, for figures that are about no question (frame, response rate). */
export interface SampleFacts {
  /** Respondents (rows) in the data. */
  respondents: number;
  /** Size of the population the sample was drawn from, when known (e.g. people emailed). */
  populationSize?: number;
}

/**
 * Compares each published figure with the Estimate rows: a figure is reproduced when the count,
 * the base (printed or, where the paper prints none, the documented assumption) and the printed
 * percentage all agree — the percentage compared as text, after exact half-up rounding of k/n.
 * A figure about no question (e.g. "202 of 405 (50 %) answered") is reproduced when each of its
 * counts is the number of respondents or the population size, and its percentage is k/n.
 *
 * @param figures - The published figures.
 * @param rows - Whole-sample Estimate rows of the questions the figures are about.
 * @param sample - The number of respondents and the population size, for figures about the sample.
 * @returns One comparison per figure, in order: our figure, the base used and the verdict.
 *
 * @example
 * ```ts
 * import { compareWithPublished, estimate, loadDataset } from "svyprop";
 *
 * const { survey, published } = await loadDataset("moubarak-2009");
 * const figure = published.figures.find((f) => f.key === "real_name")!;
 * const [comparison] = compareWithPublished([figure], estimate(survey, "real_name"), { respondents: 202 });
 * comparison?.ours; // → "99"
 * comparison?.verdict; // → "reproduced"
 * ```
 */
export function compareWithPublished(figures: PublishedFigure[], rows: Estimate[], sample: SampleFacts): FigureComparison[] {
  return figures.map((figure) => {
    if (!figure.reproducible) {
      return { figure, base: null, ours: null, verdict: "not-reproducible", detail: figure.reason ?? "not in the data" };
    }
    if (figure.question === null) return compareSampleFigure(figure, sample);
    const row = rows.find((r) => r.question === figure.question && r.category === figure.category && r.group === undefined);
    if (!row) {
      return { figure, base: null, ours: null, verdict: "differs", detail: `no estimate for ${figure.question}=${figure.category}` };
    }
    const expectedBase = figure.denominator ?? figure.denominatorAssumed ?? row.base;
    const ours = figure.printed === null ? null : roundRatio(row.count, row.base, { decimals: decimalsOf(figure.printed) });
    const expectedCount = figure.numerator ?? figure.numeratorAssumed;
    const problems = [
      expectedCount !== undefined && row.count !== expectedCount ? `count ${row.count} ≠ ${expectedCount}` : null,
      row.base !== expectedBase ? `base ${row.base} ≠ ${expectedBase}` : null,
      figure.printed !== null && !isConsistent(row.count, row.base, figure.printed) ? `${ours} % ≠ printed ${figure.printed} %` : null,
    ].filter((p): p is string => p !== null);
    const explain = figure.denominator === null && figure.numerator !== null && figure.printed !== null;
    return {
      figure,
      estimate: row,
      base: row.base,
      ours,
      verdict: problems.length === 0 ? "reproduced" : "differs",
      ...(problems.length === 0 ? {} : { detail: problems.join("; ") }),
      ...(explain
        ? { fittingBases: denominatorsFor(figure.printed as string, figure.numerator as number, { min: Math.max(1, figure.numerator as number), max: sample.respondents }) }
        : {}),
    };
  });
}

function compareSampleFigure(figure: PublishedFigure, sample: SampleFacts): FigureComparison {
  const { numerator, denominator, printed } = figure;
  const facts = [sample.respondents, sample.populationSize];
  const problems = [numerator, denominator]
    .filter((count): count is number => count !== null && !facts.includes(count))
    .map((count) => `${count} is neither the number of respondents (${sample.respondents}) nor the population size (${sample.populationSize ?? "not set"})`);
  const ours =
    numerator !== null && denominator !== null && printed !== null
      ? roundRatio(numerator, denominator, { decimals: decimalsOf(printed) })
      : null;
  if (ours !== null && !isConsistent(numerator as number, denominator as number, printed as string)) problems.push(`${numerator}/${denominator} prints ${ours} %, not ${printed} %`);
  return {
    figure,
    base: denominator,
    ours,
    verdict: problems.length === 0 ? "reproduced" : "differs",
    ...(problems.length === 0 ? {} : { detail: problems.join("; ") }),
  };
}

/** Digits after the decimal separator of a printed figure ("65.8" → 1, "73" → 0). */
function decimalsOf(printed: string): number {
  return parsePrintedFigure(printed).decimals;
}
