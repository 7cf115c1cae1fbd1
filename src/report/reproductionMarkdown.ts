import type { ChartLocale } from "../charts/locale";
import { intervalDigits, intervalName, percentText, withPercentSign } from "../charts/percentText";
import { markdownCell } from "./markdownCell";
import type { FigureComparison } from "../estimate";

const HEADERS: Record<ChartLocale, { figure: string; base: string; ours: string; printed: string; fits: string; verdict: string }> = {
  "en-US": { figure: "Published figure", base: "n / base", ours: "Data", printed: "Printed", fits: "Bases that fit", verdict: "Agrees" },
  "fr-FR": { figure: "Chiffre publié", base: "n / base", ours: "Données", printed: "Publié", fits: "Bases possibles", verdict: "Concorde" },
};

const VERDICTS: Record<ChartLocale, Record<FigureComparison["verdict"], string>> = {
  "en-US": { reproduced: "yes", differs: "**NO**", "not-reproducible": "not in the data" },
  "fr-FR": { reproduced: "oui", differs: "**NON**", "not-reproducible": "absent des données" },
};

/**
 * The reproduction table: one line per published figure with its count over the base the data
 * use, our percentage and interval, the printed percentage, and whether they agree — so a reader
 * sees each denominator, including those the paper did not print.
 *
 * @param comparisons - The comparisons, from `reproduce` or `compareWithPublished`.
 * @param options - The locale (default "en-US").
 * @returns The Markdown table.
 *
 * @example
 * ```ts
 * import { loadDataset, reproduce, reproductionMarkdown } from "svyprop";
 *
 * const { survey, published } = await loadDataset("moubarak-2009");
 * reproductionMarkdown(reproduce(survey, published).comparisons).split("\n")[3];
 * // → "| Returned the questionnaire | 202 / 405 | 50% | 50% |  | yes |"
 * ```
 */
export function reproductionMarkdown(comparisons: FigureComparison[], options: { locale?: ChartLocale } = {}): string {
  const locale = options.locale ?? "en-US";
  const h = HEADERS[locale];
  const level = comparisons.find((c) => c.estimate)?.estimate?.level ?? 0.95;
  const lines = [
    `| ${h.figure} | ${h.base} | ${h.ours} (${intervalName(level, locale)}) | ${h.printed} | ${h.fits} | ${h.verdict} |`,
    "| --- | ---: | --- | ---: | --- | --- |",
  ];
  for (const comparison of comparisons) {
    const { figure, estimate } = comparison;
    const base = estimate
      ? `${estimate.count} / ${estimate.base}${figure.denominator === null ? "*" : ""}`
      : [figure.numerator, figure.denominator].filter((count) => count !== null).join(" / ");
    const ours = estimate
      ? `${percentText(estimate, { locale, decimals: 0 })} (${intervalDigits(estimate, { locale, decimals: 0 })})`
      : comparison.ours !== null
        ? withPercentSign(comparison.ours, locale)
        : "";
    const printed = figure.printed === null ? "" : withPercentSign(figure.printed.replace(".", locale === "fr-FR" ? "," : "."), locale);
    const verdict = VERDICTS[locale][comparison.verdict] + (comparison.detail && comparison.verdict !== "reproduced" ? `: ${comparison.detail}` : "");
    const fits = comparison.fittingBases ? compactRanges(comparison.fittingBases) : "";
    lines.push(`| ${markdownCell(figure.labels?.[locale] ?? figure.label)} | ${base} | ${ours} | ${printed} | ${fits} | ${markdownCell(verdict)} |`);
  }
  const footnote =
    locale === "fr-FR"
      ? "\n\\* base non publiée : celle des données reconstruites (voir le README du jeu de données) ; « Bases possibles » : toutes les bases sur lesquelles l’effectif publié donne le pourcentage publié.\n"
      : "\n\\* base not printed in the paper: the one the reconstructed data use (see the dataset's README); “Bases that fit”: every base over which the printed count gives the printed percentage.\n";
  return `${lines.join("\n")}\n${comparisons.some((c) => c.estimate && c.figure.denominator === null) ? footnote : ""}`;
}

/** [139, 140, 142] → "139–140, 142". */
function compactRanges(values: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < values.length; i++) {
    let j = i;
    while (j + 1 < values.length && (values[j + 1] as number) === (values[j] as number) + 1) j++;
    runs.push(j === i ? String(values[i]) : `${values[i]}–${values[j]}`);
    i = j;
  }
  return runs.join(", ");
}
