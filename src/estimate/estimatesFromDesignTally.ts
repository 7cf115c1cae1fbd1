import type { CategoryInfo } from "../codebook";
import { argumentError } from "../errors";
import { designTallyColumns } from "../tally/designTallyColumns";
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
 * Split by a group (`tally.by`, from `tallyFile`'s `byTallies` and `byDesignTallies`), each group
 * with respondents is a domain of the whole design — R `svyby(~I(q == c), ~group, design,
 * svyciprop)`, every PSU kept, the df of the PSUs the group has rows in — and its rows come from
 * its own columns of the group-major design tally.
 *
 * @param tally - The question's tally, whole-sample or split by group (from `tallyFile`).
 * @param designTally - Its design tally (`tallyFile` with `designTallies: true`): columns
 *   [answered, category 1, …, category k], once per group when `tally` is split.
 * @param questionLabel - The question as readers see it.
 * @param options - The interval method and level, single-PSU strata, and column names for errors.
 * @returns One design-based row per category (per group and category when split).
 * @throws {@link SurveyError} `E_ARGUMENT` for a method without a design-based form, or a design
 *   tally whose columns do not fit the tally's; as `finalizeDesignTally` for a bad design.
 *
 * @example
 * ```ts
 * import { estimatesFromDesignTally, tallyFile } from "svyprop";
 *
 * const codebook = {
 *   design: { weights: "w" },
 *   questions: [{ id: "fb", column: "fb", type: "binary" as const, positive: ["Oui"], negative: ["Non"] }],
 * };
 * const { tallies, designTallies } = await tallyFile("fb,w\nOui,2\nNon,1\nOui,1\n", codebook, { designTallies: true });
 * estimatesFromDesignTally(tallies.get("fb")!, designTallies!.get("fb")!, "Has a Facebook profile");
 * // → [{ category: "yes", count: 2, base: 3, weightedCount: 3, weightedBase: 4, proportion: 0.75, method: "logit" },
 * //    { category: "no", count: 1, proportion: 0.25 }]
 * ```
 */
export function estimatesFromDesignTally(tally: Tally, designTally: DesignTally, questionLabel: string, options: DesignTallyEstimateOptions = {}): Estimate[] {
  const groups: Array<CategoryInfo | undefined> = tally.by ? tally.by.groups : [undefined];
  const width = 1 + tally.categories.length;
  if (designTally.columns !== groups.length * width) {
    throw argumentError("designTally", `must have ${groups.length * width} columns for question "${tally.question}"`, designTally.columns);
  }
  return groups.flatMap((group, g) => {
    if (tally.by && tally.bases[g] === 0) return [];
    const columns = tally.by ? designTallyColumns(designTally, g * width, width) : designTally;
    return designCellsFromTally(columns, options).map((cell, c) => ({
      ...estimateIdentity(tally, questionLabel, tally.categories[c] as CategoryInfo, group),
      ...cell,
    }));
  });
}
