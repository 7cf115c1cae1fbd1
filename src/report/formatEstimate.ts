import type { Estimate } from "../types";
import type { ChartLocale } from "../charts/locale";
import { isWeighted } from "../charts/weighting";
import { intervalDigits, intervalName, percentText } from "../charts/percentText";

/** How a report writes numbers. */
export interface FormatOptions {
  /** Default "en-US". */
  locale?: ChartLocale;
  /** Digits after the decimal separator (default 0). */
  decimals?: number;
}

/**
 * One estimate as a sentence fragment: "73% (95% CI 66–78)" / "73 % (IC 95 % 66–78)", and for a
 * weighted row "73% (95% CI 66–78, weighted)" / "73 % (IC 95 % 66–78, pondéré)".
 * The percentage is rounded half-up exactly on count/base for unweighted rows; the limits,
 * floats, half-up on their shortest decimal form. French uses a narrow no-break space before "%".
 */
export function formatEstimate(row: Estimate, options: FormatOptions = {}): string {
  const style = { locale: options.locale ?? "en-US", decimals: options.decimals ?? 0 };
  const weighted = isWeighted(row) ? (style.locale === "fr-FR" ? ", pondéré" : ", weighted") : "";
  return `${percentText(row, style)} (${intervalName(row.level, style.locale)} ${intervalDigits(row, style)}${weighted})`;
}
