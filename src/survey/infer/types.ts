import type { Codebook } from "../../codebook";
import type { ReadTableOptions, Source } from "../../load";

/** Options of `inferCodebook`: how to read the file, what means "no answer", and an optional REDCap dictionary. */
export interface InferCodebookOptions extends ReadTableOptions {
  /** Values that mean "no answer"; those found in the data go into the codebook's `missing`. */
  missing?: string[];
  /** A text column with more distinct answers than this is free text and left out. */
  maxCategories?: number;
  /** A REDCap data dictionary (CSV): field labels, choices, field types and simple branching logic. */
  dictionary?: Source;
}

/** What the proposal did with some columns, and why: printed by `svyprop codebook`, column by column. */
export interface ColumnNote {
  /** The columns concerned (several for option columns grouped into one question). */
  columns: string[];
  /** What was proposed, e.g. `multi "Q2"`, `respondentId`, `left out`, `filter on "Q1"`. */
  decision: string;
  /** Why, in words the user can check against the data. */
  reason: string;
}

/** A proposed codebook and the notes that explain it. */
export interface CodebookProposal {
  /** The proposed codebook. */
  codebook: Codebook;
  /** What was decided about some columns, and why. */
  notes: ColumnNote[];
}
