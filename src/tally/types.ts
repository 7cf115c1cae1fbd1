import type { CategoryInfo } from "../codebook";

/**
 * Counts for one question, optionally split by the categories of a grouping question.
 * A tally holds only numbers per category and group — never rows — so tallies of chunks,
 * workers or an external engine's GROUP BY can be merged (`mergeTallies`).
 */
export interface Tally {
  /** The question's id. */
  question: string;
  /** Its categories, in order (the c of `counts`). */
  categories: CategoryInfo[];
  /** Grouping question id and its categories; absent for a whole-sample tally. */
  by?: {
    /** The grouping question's id. */
    question: string;
    /** Its categories, in order (the g of `counts` and `bases`). */
    groups: CategoryInfo[];
  };
  /** counts[g * categories.length + c]: respondents in group g who chose category c. */
  counts: Float64Array;
  /** bases[g]: respondents in group g who answered the question (the denominator). */
  bases: Float64Array;
  /** Respondents left out because the grouping question was not answered. */
  ungrouped: number;
}
