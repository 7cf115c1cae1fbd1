/** A figure as a paper printed it, from a dataset's `published.json`. */
export interface PublishedFigure {
  /** A stable id of the figure within its file, e.g. "real_name". */
  key: string;
  /** What the figure is, in words. */
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
  /** The figure exactly as printed, e.g. "405" or "99 %". */
  printedText?: string;
  /** The sentence of the source that prints it. */
  quote?: string;
  /** Where in the source it is printed, e.g. "primary_abstract". */
  sourceType?: string;
  /** False for figures the data cannot carry (with `reason`). */
  reproducible: boolean;
  /** Why the data cannot reproduce the figure (when `reproducible` is false). */
  reason?: string;
}

/** A dataset's `published.json`: the source's printed figures, with its citation. */
export interface PublishedFigures {
  /** The source, as it should be cited. */
  citation: string;
  /** Its DOI. */
  doi?: string;
  /** The sampling frame as the source describes it. */
  frame?: {
    /** People the questionnaire was sent to. */
    emailed?: number;
    /** People who answered. */
    respondents?: number;
  };
  /** The printed figures. */
  figures: PublishedFigure[];
}
