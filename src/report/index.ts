// report: Estimate rows → formatted text and tables (Markdown, HTML, CSV, JSON).
export { formatEstimate, type FormatOptions } from "./formatEstimate";
export { estimateTable, type EstimateTable } from "./estimateTable";
export { toMarkdown } from "./toMarkdown";
export * from "./validationSummary";
export * from "./reproductionMarkdown";
