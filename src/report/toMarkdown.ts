import type { Estimate } from "../types";
import { estimateTable } from "./estimateTable";
import type { FormatOptions } from "./formatEstimate";
import { markdownCell } from "./markdownCell";

/**
 * A GitHub-flavoured Markdown table of the rows (see `estimateTable` for its columns).
 *
 * @param rows - The estimates.
 * @param options - The locale (default "en-US") and the percentages' decimals (default 0).
 * @returns The Markdown table, one line per row.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset, toMarkdown } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * toMarkdown(estimate(survey, "real_name")).split("\n")[2];
 * // → "| Profile displays real name | Yes | 138 / 140 | 99% | 96–99 |"
 * ```
 */
export function toMarkdown(rows: readonly Estimate[], options: FormatOptions = {}): string {
  const { headers, cells } = estimateTable(rows, options);
  const line = (values: string[]) => `| ${values.map(markdownCell).join(" | ")} |`;
  const alignment = headers.map((_, index) => (index >= headers.length - 3 ? "---:" : "---"));
  return [line(headers), `| ${alignment.join(" | ")} |`, ...cells.map(line)].join("\n") + "\n";
}
