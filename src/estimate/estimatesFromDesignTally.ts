import type { CategoryInfo } from "../codebook";
import type { SurveyCIMethod } from "../stats/surveyProportionCI";
import type { DesignColumnNames, DesignTally, LonelyPsu, Tally } from "../tally";
import type { CIMethod, Estimate } from "../types";
import { designCellsFromTally } from "./estimateWithDesign";
import { estimateIdentity } from "./estimatesFromTally";

/** Options of `estimatesFromDesignTally`. */
export interface DesignTallyEstimateOptions {
  /** The interval method: one of R svyciprop's (default "logit"), or clopper-pearson (→ beta) or wald (→ mean). */
  method?: CIMethod | SurveyCIMethod;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Single-PSU strata (R `survey.lonely.psu`); default "fail". */
  lonelyPsu?: LonelyPsu;
  /** Design column names, for error messages. */
  names?: DesignColumnNames;
}

/**
 * Design-based Estimate rows of a question from its streamed tallies (`tallyFile` with a
 * codebook design of weights, strata, clusters): `tally` says which question and categories,
 * `designTally` holds the per-stratum and per-PSU sums. The rows are those `estimate()` gives on
 * the same file read whole (R `svyciprop` per category), except that "likelihood" needs the rows.
 */
export function estimatesFromDesignTally(tally: Tally, designTally: DesignTally, questionLabel: string, options: DesignTallyEstimateOptions = {}): Estimate[] {
  return designCellsFromTally(designTally, options).map((cell, c) => ({
    ...estimateIdentity(tally, questionLabel, tally.categories[c] as CategoryInfo, undefined),
    ...cell,
  }));
}
