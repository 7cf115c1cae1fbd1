// report: Estimate rows → formatted text and tables (Markdown, HTML, CSV, JSON).
export { formatEstimate, type FormatOptions } from "./formatEstimate";
export { estimateTable, type EstimateTable } from "./estimateTable";
export { toMarkdown } from "./toMarkdown";
export { toHtml, type HtmlReport, type HtmlSection } from "./toHtml";
export { toCsv, neutraliseFormula, type CsvOptions } from "./toCsv";
export { toJson } from "./toJson";
export { ESTIMATE_FIELDS } from "./estimateRecord";
export * from "./validationSummary";
export * from "./reproductionMarkdown";
export * from "./calibrationSummary";
export * from "./formatAssociationTest";
export { numericTable, type NumericTableOptions } from "./numericTable";
export { columnComparisonsTable } from "./columnComparisonsTable";
