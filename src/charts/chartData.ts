import type { Estimate } from "../types";
import { argumentError } from "../errors";
import { localeTexts } from "./locale";
import type { BarOrder, ResolvedChartOptions } from "./options";
import { intervalDigits, intervalName, percentText } from "./percentText";

/** One inlined data value of a spec: an `Estimate` with its labels and texts already written. */
export interface ChartDatum {
  question: string;
  questionLabel: string;
  category: string;
  categoryLabel: string;
  /** What the bar is called on the axis (see `itemLabeller`). */
  item: string;
  /** The subgroup's values joined ("resident"), or "" for a whole-sample row. */
  group: string;
  proportion: number;
  /** NaN (no bar drawn) for a row without an interval. */
  lower: number;
  upper: number;
  /** Where the value label starts: after the interval, or after the point when there is none. */
  labelAt: number;
  count: number;
  base: number;
  /** "73%" / "73 %". */
  percent: string;
  /** The value label drawn by the bar: the percentage, with the base when only the bar can carry it. */
  label: string;
  /** "95% CI 66–79" / "IC 95 % 66–79". */
  interval: string;
  /** "n = 140". */
  baseText: string;
  /** The whole row in one line, for tooltips and screen readers: "Would decline: 85% (95% CI 79–90), n = 178". */
  summary: string;
}

/** Rows to data values, checking what a chart relies on. */
export function toChartData(rows: readonly Estimate[], options: ResolvedChartOptions): ChartDatum[] {
  if (rows.length === 0) throw argumentError("rows", "must hold at least one Estimate");
  rows.forEach(checkRow);
  const style = { locale: options.locale, decimals: options.decimals };
  const texts = localeTexts(options.locale);
  const itemOf = itemLabeller(rows);
  return rows.map((row) => {
    const item = itemOf(row);
    const group = groupLabel(row, options.groupLabels);
    const percent = percentText(row, style);
    const interval = `${intervalName(row.level, options.locale)} ${intervalDigits(row, style)}`;
    const baseText = texts.baseText(row.base);
    const name = group === "" ? item : `${item}, ${group}`;
    return {
      question: row.question,
      questionLabel: row.questionLabel,
      category: row.category,
      categoryLabel: row.categoryLabel,
      item,
      group,
      proportion: row.proportion,
      lower: row.lower,
      upper: row.upper,
      labelAt: Number.isNaN(row.upper) ? row.proportion : row.upper,
      count: row.count,
      base: row.base,
      percent,
      label: percent,
      interval,
      baseText,
      summary: `${name}: ${percent} (${interval}), ${baseText}`,
    };
  });
}

/**
 * How rows are named on an axis: by category when they answer one question ("Would refuse"),
 * by question when each is one question's same category ("Real name" for "yes", also when one
 * question's one category is split by group), and by both otherwise.
 */
function itemLabeller(rows: readonly Estimate[]): (row: Estimate) => string {
  const questions = new Set(rows.map((row) => row.question));
  const categories = new Set(rows.map((row) => row.category));
  if (questions.size === 1 && categories.size === 1) return (row) => row.questionLabel;
  if (questions.size === 1) return (row) => row.categoryLabel;
  if (categories.size === 1) return (row) => row.questionLabel;
  return (row) => `${row.questionLabel}: ${row.categoryLabel}`;
}

/**
 * The subgroup as a reader names it: through `labels` when they name its values, else the row's
 * own `groupLabel` (the codebook's labels), else its codes joined with " · "; "" for a whole-sample row.
 */
export function groupLabel(row: Estimate, labels: Record<string, string> = {}): string {
  if (!row.group) return "";
  const codes = Object.values(row.group);
  if (row.groupLabel !== undefined && codes.every((code) => !Object.hasOwn(labels, code))) return row.groupLabel;
  return codes.map((code) => (Object.hasOwn(labels, code) ? labels[code] : code)).join(" · ");
}

/** The title of a group legend: the option, else the keys of the rows' groups ("position"). */
export function groupTitle(rows: readonly Estimate[], options: ResolvedChartOptions): string {
  return options.groupTitle ?? distinct(rows.flatMap((row) => Object.keys(row.group ?? {}))).join(" · ");
}

/** The base shared by every row, or undefined when bases differ. */
export function commonBase(rows: readonly Estimate[]): number | undefined {
  const bases = new Set(rows.map((row) => row.base));
  return bases.size === 1 ? rows[0]!.base : undefined;
}

/** Axis order of the items: by mean proportion over the groups, or as they first appear. */
export function itemOrder(data: readonly ChartDatum[], order: BarOrder): string[] {
  const byItem = new Map<string, number[]>();
  for (const datum of data) byItem.set(datum.item, [...(byItem.get(datum.item) ?? []), datum.proportion]);
  const items = [...byItem.keys()];
  if (order === "input") return items;
  const mean = (item: string) => {
    const values = byItem.get(item)!;
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  };
  const sign = order === "descending" ? -1 : 1;
  return items.map((item, index) => ({ item, index, mean: mean(item) }))
    .sort((a, b) => sign * (a.mean - b.mean) || a.index - b.index)
    .map(({ item }) => item);
}

/** Distinct values in order of first appearance. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Slack for interval limits computed in floating point (a limit of 0.7000000000000001 for 0.7). */
const FLOAT_TOLERANCE = 1e-9;

/** A row may have no interval (both limits NaN: a domain without design df); it is drawn without a bar. */
function checkRow(row: Estimate, index: number): void {
  const name = `rows[${index}]`;
  const noInterval = Number.isNaN(row.lower) && Number.isNaN(row.upper);
  for (const field of noInterval ? (["proportion"] as const) : (["proportion", "lower", "upper"] as const)) {
    const value = row[field];
    if (!(value >= 0 && value <= 1)) throw argumentError(`${name}.${field}`, "must be a number from 0 to 1", value);
  }
  if (!noInterval && !(row.lower <= row.proportion + FLOAT_TOLERANCE && row.proportion <= row.upper + FLOAT_TOLERANCE)) {
    throw argumentError(name, "must have lower ≤ proportion ≤ upper", `${row.lower}, ${row.proportion}, ${row.upper}`);
  }
  if (!(Number.isFinite(row.base) && row.base > 0)) throw argumentError(`${name}.base`, "must be positive", row.base);
}
