import { percentText } from "../charts/percentText";
import type { ColumnComparisons } from "../estimate/columnComparisons";
import type { Estimate } from "../types";
import type { FormatOptions } from "./formatEstimate";
import { markdownCell } from "./markdownCell";

/**
 * A crosstab's column comparisons as survey tables print them, in Markdown: one row per row
 * category, one column per answer to the column question headed by its letter, each cell the
 * percentage (from the crosstab's Estimate rows, so it reads as the main table) followed by the
 * letters of the columns it is significantly greater than, and a note of the test:
 *
 *     | Changed privacy settings | Resident (A) | Fellow (B) |
 *     | Yes                      | 62% B        | 41%        |
 *
 * @param comparisons - The comparisons of `columnComparisons` (or `crosstab`'s `columnComparisons`).
 * @param estimates - The crosstab's Estimate rows, whose percentages and labels the table shows.
 * @param columnQuestion - The id of the column question (the `by` of the estimates).
 * @param options - The `locale` ("en-US" or "fr-FR") and the percentages' `decimals` (default 0).
 * @returns The Markdown table followed by the note saying which test and adjustment made the letters.
 *
 * @example
 * ```ts
 * import { columnComparisonsTable, crosstab, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const table = crosstab(survey, "facebook", "position", { compareColumns: { alpha: 0.2 } });
 * const markdown = columnComparisonsTable(table.columnComparisons!, table.estimates, "position");
 * markdown.split("\n")[2]; // → "| Yes | 75% B | 64% |"
 * ```
 */
export function columnComparisonsTable(comparisons: ColumnComparisons, estimates: readonly Estimate[], columnQuestion: string, options: FormatOptions = {}): string {
  const style = { locale: options.locale ?? "en-US", decimals: options.decimals ?? 0 };
  const rowOf = (category: string, column: string) => estimates.find((e) => e.category === category && e.group?.[columnQuestion] === column);
  const columnLabel = (code: string) => estimates.find((e) => e.group?.[columnQuestion] === code)?.groupLabel ?? code;
  const categories = [...new Set(comparisons.cells.map((c) => c.category))];
  const header = [estimates[0]?.questionLabel ?? "", ...comparisons.columns.map((c) => `${columnLabel(c.code)} (${c.letter})`)];
  const lines = categories.map((category) => [
    estimates.find((e) => e.category === category)?.categoryLabel ?? category,
    ...comparisons.columns.map(({ code }) => {
      const cell = comparisons.cells.find((c) => c.category === category && c.column === code);
      const row = rowOf(category, code);
      const percent = row ? percentText(row, style) : "";
      return cell?.letters ? `${percent} ${cell.letters}` : percent;
    }),
  ]);
  const line = (values: string[]) => `| ${values.map(markdownCell).join(" | ")} |`;
  const adjustment = comparisons.adjustment === "holm" ? "Holm" : "Bonferroni";
  const note =
    style.locale === "fr-FR"
      ? `Lettres : le pourcentage de la colonne est significativement supérieur à celui de la colonne de cette lettre (${comparisons.test === "two-proportion z" ? "tests z de deux proportions" : "tests t selon le plan de sondage"}, ajustement de ${adjustment} dans chaque ligne, α = ${String(comparisons.alpha).replace(".", ",")}).`
      : `Letters: the column's percentage is significantly greater than that of the lettered column (${comparisons.test === "two-proportion z" ? "two-proportion z-tests" : "design-based t-tests"}, ${adjustment}-adjusted within each row, α = ${comparisons.alpha}).`;
  return [line(header), `| ${header.map(() => "---").join(" | ")} |`, ...lines.map(line), "", note].join("\n") + "\n";
}
