import type { Estimate } from "../types";
import { estimateTable } from "./estimateTable";
import type { FormatOptions } from "./formatEstimate";

/** A GitHub-flavoured Markdown table of the rows (see `estimateTable` for its columns). */
export function toMarkdown(rows: readonly Estimate[], options: FormatOptions = {}): string {
  const { headers, cells } = estimateTable(rows, options);
  const line = (values: string[]) => `| ${values.map(escapeCell).join(" | ")} |`;
  const alignment = headers.map((_, index) => (index >= headers.length - 3 ? "---:" : "---"));
  return [line(headers), `| ${alignment.join(" | ")} |`, ...cells.map(line)].join("\n") + "\n";
}

/** Escapes what would break a Markdown table cell: pipes, backslashes and line breaks. */
function escapeCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
}
