import type { Estimate } from "../types";
import { roundRatio } from "../stats/roundRatio";
import { argumentError } from "../errors";
import { type ChartLocale, localeTexts } from "./locale";
import { roundDecimal } from "./roundDecimal";

/** How numbers are written: the locale and the digits after the decimal separator. */
export interface NumberStyle {
  locale: ChartLocale;
  /** Digits after the decimal separator of a percentage (default 0). */
  decimals: number;
}

/**
 * The row's percentage as digits, without the "%" sign: "72.8" / "72,8".
 * Unweighted rows are rounded exactly on count/base (half-up); weighted rows on their float proportion.
 */
function percentDigits(row: Estimate, style: NumberStyle): string {
  const digits = isExactRatio(row)
    ? roundRatio(row.count, row.base, { decimals: style.decimals })
    : roundDecimal(row.proportion, { shift: 2, decimals: style.decimals });
  return localizeDecimal(digits, style.locale);
}

/** A proportion (0–1, a float such as an interval limit) as percentage digits: "66" / "66,1". */
function proportionDigits(proportion: number, style: NumberStyle): string {
  return localizeDecimal(roundDecimal(proportion, { shift: 2, decimals: style.decimals }), style.locale);
}

/** "73%" / "73 %". */
export function percentText(row: Estimate, style: NumberStyle): string {
  return withPercentSign(percentDigits(row, style), style.locale);
}

/** "66–79": the interval limits in percent, without the sign. */
export function intervalDigits(row: Estimate, style: NumberStyle): string {
  const { rangeDash } = localeTexts(style.locale);
  if (Number.isNaN(row.lower) || Number.isNaN(row.upper)) return "n/a"; // no interval exists (a domain without design df)
  return `${proportionDigits(row.lower, style)}${rangeDash}${proportionDigits(row.upper, style)}`;
}

/** "95% CI" / "IC 95 %" for a confidence level such as 0.95 or 0.995. */
export function intervalName(level: number, locale: ChartLocale): string {
  if (!(level > 0 && level < 1)) throw argumentError("level", "must be between 0 and 1", level);
  const levelPercent = localizeDecimal(trimZeros(roundDecimal(level, { shift: 2, decimals: 4 })), locale);
  return localeTexts(locale).intervalName(levelPercent);
}

/** Appends "%" with the locale's spacing. */
export function withPercentSign(digits: string, locale: ChartLocale): string {
  return `${digits}${localeTexts(locale).percentSpace}%`;
}

function isExactRatio(row: Estimate): boolean {
  return (
    row.weightedCount === undefined &&
    Number.isSafeInteger(row.count) &&
    Number.isSafeInteger(row.base) &&
    row.base > 0 &&
    row.count >= 0 &&
    Math.abs(row.count / row.base - row.proportion) < 1e-12
  );
}

function localizeDecimal(digits: string, locale: ChartLocale): string {
  return digits.replace(".", localeTexts(locale).decimal);
}

function trimZeros(digits: string): string {
  return digits.includes(".") ? digits.replace(/\.?0+$/, "") : digits;
}
