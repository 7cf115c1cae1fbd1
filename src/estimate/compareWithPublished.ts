import { roundRatio } from "../stats/roundRatio";
import type { Estimate } from "../types";
import type { PublishedFigure } from "../survey/published";

/** How one published figure fares against the data. */
export type Verdict = "reproduced" | "differs" | "not-reproducible";

export interface FigureComparison {
  figure: PublishedFigure;
  /** The matching whole-sample Estimate row, when the figure is about a question. */
  estimate?: Estimate;
  /** The base the comparison used: printed, else assumed, else the data's. */
  base: number | null;
  /** Our percentage, rounded as the figure is printed (exact on k/n). */
  ours: string | null;
  verdict: Verdict;
  /** Why a figure differs or cannot be reproduced. */
  detail?: string;
}

/**
 * Compares each published figure with the Estimate rows: a figure is reproduced when the count,
 * the base (printed or, where the paper prints none, the documented assumption) and the printed
 * percentage all agree — the percentage compared as text, after exact half-up rounding of k/n.
 * A figure with no question is checked as printed arithmetic (its numerator over its denominator).
 */
export function compareWithPublished(figures: PublishedFigure[], rows: Estimate[]): FigureComparison[] {
  return figures.map((figure) => {
    if (!figure.reproducible) {
      return { figure, base: null, ours: null, verdict: "not-reproducible", detail: figure.reason ?? "not in the data" };
    }
    if (figure.question === null) return compareArithmetic(figure);
    const row = rows.find((r) => r.question === figure.question && r.category === figure.category && r.group === undefined);
    if (!row) {
      return { figure, base: null, ours: null, verdict: "differs", detail: `no estimate for ${figure.question}=${figure.category}` };
    }
    const expectedBase = figure.denominator ?? figure.denominatorAssumed ?? row.base;
    const ours = figure.printed === null ? null : roundRatio(row.count, row.base, { decimals: decimalsOf(figure.printed) });
    const problems = [
      figure.numerator !== null && row.count !== figure.numerator ? `count ${row.count} ≠ ${figure.numerator}` : null,
      row.base !== expectedBase ? `base ${row.base} ≠ ${expectedBase}` : null,
      ours !== null && ours !== figure.printed ? `${ours} % ≠ printed ${figure.printed} %` : null,
    ].filter((p): p is string => p !== null);
    return {
      figure,
      estimate: row,
      base: row.base,
      ours,
      verdict: problems.length === 0 ? "reproduced" : "differs",
      ...(problems.length === 0 ? {} : { detail: problems.join("; ") }),
    };
  });
}

function compareArithmetic(figure: PublishedFigure): FigureComparison {
  const { numerator, denominator, printed } = figure;
  if (numerator === null || denominator === null || printed === null) {
    return { figure, base: denominator, ours: null, verdict: "reproduced", detail: "a count, not a percentage" };
  }
  const ours = roundRatio(numerator, denominator, { decimals: decimalsOf(printed) });
  return {
    figure,
    base: denominator,
    ours,
    verdict: ours === printed ? "reproduced" : "differs",
    ...(ours === printed ? {} : { detail: `${numerator}/${denominator} prints ${ours} %, not ${printed} %` }),
  };
}

/** Digits after the decimal separator of a printed figure ("65.8" → 1, "73" → 0). */
function decimalsOf(printed: string): number {
  const match = /[.,](\d+)/.exec(printed);
  return match ? (match[1] as string).length : 0;
}
