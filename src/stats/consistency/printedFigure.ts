import { argumentError } from "../../errors";

/** A printed figure read as an exact decimal: `units / 10^decimals` ("65,8 %" → 658 / 10¹). */
export interface PrintedFigure {
  /** The printed digits as an integer, decimal point removed: "65.8" → 658n. */
  units: bigint;
  /** Digits after the decimal point in the printed text: "65.8" → 1, "73" → 0. */
  decimals: number;
}

// Digits, an optional decimal point or French decimal comma with digits, then an optional
// percent sign, possibly after a space (ordinary, no-break U+00A0 or narrow no-break U+202F).
const PRINTED_PATTERN = /^(\d+)(?:[.,](\d+))?(?:[\s\u00a0\u202f]*%)?$/;

/**
 * Reads a printed percentage such as "73", "73%", "73 %", "65.8" or "65,8" exactly, keeping
 * the number of decimals it was printed with (which fixes the precision a check must use).
 * Throws `E_ARGUMENT` naming `argumentName` for anything else (negative, empty, "n/a" …).
 *
 * @param printed - The printed percentage.
 * @param argumentName - The argument's name in the error message (default "printed").
 * @returns The figure as an exact integer count of its last printed digit, and its decimals.
 * @throws {@link SurveyError} `E_ARGUMENT` for text that is no printed percentage.
 *
 * @example
 * ```ts
 * import { parsePrintedFigure } from "svyprop";
 *
 * parsePrintedFigure("65,8 %").decimals; // → 1
 * String(parsePrintedFigure("65,8 %").units); // → "658"
 * ```
 */
export function parsePrintedFigure(printed: string, argumentName = "printed"): PrintedFigure {
  if (typeof printed !== "string") throw argumentError(argumentName, "must be the printed text, e.g. \"73\" or \"65,8 %\"", printed);
  const match = PRINTED_PATTERN.exec(printed.trim());
  if (!match) throw argumentError(argumentName, "is not a printed percentage like \"73\", \"73 %\" or \"65,8\"", JSON.stringify(printed));
  const [, whole = "", fraction = ""] = match;
  return { units: BigInt(whole + fraction), decimals: fraction.length };
}
