/** A figure as a paper printed it, from a dataset's `published.json`. */
export interface PublishedFigure {
  key: string;
  label: string;
  /** The label in other languages, by locale ("fr-FR"). */
  labels?: Record<string, string>;
  /** Codebook question the figure is about (null for figures about the sample itself). */
  question: string | null;
  /** Category code of the question ("yes" for a binary question's positive answer). */
  category: string | null;
  /** Count as printed, or null when the paper prints only a percentage. */
  numerator: number | null;
  /** The count the shipped data use when the paper prints none. */
  numeratorAssumed?: number;
  /** Denominator as printed, or null when the paper does not print it. */
  denominator: number | null;
  /** The base the shipped data use when the paper does not print one. */
  denominatorAssumed?: number;
  /** Printed percentage text, e.g. "73" (null when none was printed). */
  printed: string | null;
  printedText?: string;
  quote?: string;
  sourceType?: string;
  /** False for figures the data cannot carry (with `reason`). */
  reproducible: boolean;
  reason?: string;
}

export interface PublishedFigures {
  citation: string;
  doi?: string;
  frame?: { emailed?: number; respondents?: number };
  figures: PublishedFigure[];
}
