import type { Estimate } from "../types";
import { localeTexts, methodName } from "./locale";
import type { ResolvedChartOptions } from "./options";
import type { ChartTheme } from "./theme";
import { intervalName } from "./percentText";
import { commonBase, distinct } from "./chartData";
import { isWeighted } from "./weighting";

/**
 * The caption under a chart, as lines: the base ("n = 140", or a note that bases vary), that
 * percentages are weighted (when they are),
 * what the error bars are ("95% CI (Wilson)"), notes of the chart kind, and the source.
 * Lines are wrapped to the chart's width.
 */
export function captionLines(
  rows: readonly Estimate[],
  options: ResolvedChartOptions,
  { notes = [], showsIntervals = true }: { notes?: string[]; showsIntervals?: boolean } = {},
): string[] {
  const texts = localeTexts(options.locale);
  const base = commonBase(rows);
  const sentences = [base === undefined ? texts.basesVaryNote : `${texts.baseText(base)}.`];
  if (rows.some(isWeighted)) sentences.push(texts.weightedNote);
  if (showsIntervals) sentences.push(texts.errorBarNote(intervalDescription(rows, options), methodNames(rows, options)));
  sentences.push(...notes);
  return captionOfSentences(sentences, options);
}

/** Caption lines from its sentences (one paragraph) and the source (another), wrapped to the chart's width. */
export function captionOfSentences(sentences: readonly string[], options: ResolvedChartOptions): string[] {
  const paragraphs = [sentences.join(" ")];
  if (options.source !== undefined) paragraphs.push(localeTexts(options.locale).sourceText(options.source));
  const maxCharacters = Math.floor((options.width + CAPTION_OVERHANG) / (captionFontSize(options.theme) * AVERAGE_CHARACTER_WIDTH));
  return paragraphs.flatMap((paragraph) => wrapText(paragraph, maxCharacters));
}

/** Font size of the caption: smaller than the axis labels. */
export function captionFontSize(theme: ChartTheme): number {
  return theme.fontSize - 2;
}

/** Width of an average character of DejaVu Sans, in ems, for wrapping without measuring. */
const AVERAGE_CHARACTER_WIDTH = 0.6;
/** How far left of the plot the caption may start (the width of the axis labels, roughly). */
const CAPTION_OVERHANG = 120;

/**
 * Splits text into lines of at most `maxCharacters` (a longer word keeps its own line), breaking
 * only where `breaks` matches (default: every space).
 */
export function wrapText(text: string, maxCharacters: number, breaks: RegExp = / /): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(breaks)) {
    if (line !== "" && line.length + 1 + word.length > maxCharacters) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

function intervalDescription(rows: readonly Estimate[], options: ResolvedChartOptions): string {
  return distinct(rows.map((row) => intervalName(row.level, options.locale))).join(", ");
}

function methodNames(rows: readonly Estimate[], options: ResolvedChartOptions): string {
  const texts = localeTexts(options.locale);
  return distinct(
    rows.map((row) => {
      const method = methodName(row.method, options.locale);
      return row.populationSize === undefined ? method : `${method}, ${texts.finitePopulationNote}`;
    }),
  ).join("; ");
}
