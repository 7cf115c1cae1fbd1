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
 *
 * @param row - The estimate.
 * @param options - The locale (default "en-US") and the percentage's decimals (default 0).
 * @returns The formatted estimate.
 *
 * @example
 * ```ts
 * import { estimate, formatEstimate, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const [yes] = estimate(survey, "real_name");
 * formatEstimate(yes!); // → "99% (95% CI 96–99)"
 * formatEstimate(yes!, { locale: "fr-FR" }).replace(/\s/g, " "); // → "99 % (IC 95 % 96–99)"
 * ```
 */
export function formatEstimate(row: Estimate, options: FormatOptions = {}): string {
  const style = { locale: options.locale ?? "en-US", decimals: options.decimals ?? 0 };
  const weighted = isWeighted(row) ? (style.locale === "fr-FR" ? ", pondéré" : ", weighted") : "";
  return `${percentText(row, style)} (${intervalName(row.level, style.locale)} ${intervalDigits(row, style)}${weighted})`;
}
