import type { Estimate } from "../types";
import { estimateTable } from "./estimateTable";
import type { FormatOptions } from "./formatEstimate";
import { markdownCell } from "./markdownCell";

/** A GitHub-flavoured Markdown table of the rows (see `estimateTable` for its columns). */
export function toMarkdown(rows: readonly Estimate[], options: FormatOptions = {}): string {
  const { headers, cells } = estimateTable(rows, options);
  const line = (values: string[]) => `| ${values.map(markdownCell).join(" | ")} |`;
  const alignment = headers.map((_, index) => (index >= headers.length - 3 ? "---:" : "---"));
  return [line(headers), `| ${alignment.join(" | ")} |`, ...cells.map(line)].join("\n") + "\n";
}
