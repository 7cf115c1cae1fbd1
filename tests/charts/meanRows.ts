import type { MeanEstimate } from "../../src/estimate";

/** Means built by hand (values of R survey's apistrat api00 by school type, rounded): what the mean chart tests draw. */
export const apiMeansByType: MeanEstimate[] = [
  { question: "api00", questionLabel: "API 2000", group: { stype: "E" }, groupLabel: "Elementary", n: 100, mean: 674.43, se: 12.49, lower: 649.8, upper: 699.07, level: 0.95, df: 197 },
  { question: "api00", questionLabel: "API 2000", group: { stype: "M" }, groupLabel: "Middle", n: 50, mean: 636.6, se: 16.18, lower: 604.69, upper: 668.51, level: 0.95, df: 197 },
  { question: "api00", questionLabel: "API 2000", group: { stype: "H" }, groupLabel: "High", n: 50, mean: 625.82, se: 15.08, lower: 596.08, upper: 655.56, level: 0.95, df: 197 },
];

/** Two Likert items as means of their levels 1…5, for two groups. */
export const likertMeans: MeanEstimate[] = [
  { question: "trust", questionLabel: "Trust in doctors", group: { position: "resident" }, groupLabel: "Resident", n: 120, mean: 3.42, se: 0.1, lower: 3.22, upper: 3.62, level: 0.95, df: 119 },
  { question: "trust", questionLabel: "Trust in doctors", group: { position: "fellow" }, groupLabel: "Fellow", n: 40, mean: 3.9, se: 0.15, lower: 3.6, upper: 4.2, level: 0.95, df: 39 },
  { question: "ease", questionLabel: "Ease of use", group: { position: "resident" }, groupLabel: "Resident", n: 120, mean: 2.75, se: 0.09, lower: 2.57, upper: 2.93, level: 0.95, df: 119 },
  { question: "ease", questionLabel: "Ease of use", group: { position: "fellow" }, groupLabel: "Fellow", n: 40, mean: 3.1, se: 0.16, lower: 2.78, upper: 3.42, level: 0.95, df: 39 },
];
