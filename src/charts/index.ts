// charts: Estimate rows → Vega-Lite specs (plain JSON, data inlined). Types only from vega-lite.
export { barChart } from "./barChart";
export { groupedBarChart, type GroupedBarChartOptions, type GroupLayout } from "./groupedBarChart";
export { stackedBarChart } from "./stackedBarChart";
export { likertChart, type LikertChartOptions } from "./likertChart";
export { forestChart, type ForestChartOptions, type ReferenceLine } from "./forestChart";
export { meanChart } from "./meanChart";
export { multiSelectChart } from "./multiSelectChart";
export { CHART_KINDS, type ChartKind, chartOfKind, checkChartKind, defaultChartKind } from "./chartKind";
export type { ChartOptions, BarOrder } from "./options";
export type { ChartLocale } from "./locale";
export { type ChartTheme, defaultTheme, OKABE_ITO, BROWN_BLUE_GREEN } from "./theme";
export { VEGA_LITE_SCHEMA } from "./frame";
export * from "./chartGroups";
export * from "./questionWording";
