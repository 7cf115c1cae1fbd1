/** The alternative hypothesis of a test. */
export const ALTERNATIVES = ["two-sided", "less", "greater"] as const;
/** "two-sided", "less" or "greater". */
export type Alternative = (typeof ALTERNATIVES)[number];

/**
 * Relative tolerance with which R's exact tests count an outcome as "no more likely than the
 * one observed" (R binom.test and fisher.test: relErr = 1 + 1e-7).
 */
export const EXACT_TIE_TOLERANCE = 1 + 1e-7;
