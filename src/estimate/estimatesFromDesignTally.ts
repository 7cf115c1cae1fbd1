import type { CategoryInfo } from "../codebook";
import { argumentError } from "../errors";
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
 * A tally split by a grouping question (`Tally.by`) goes with a design tally of the group-keyed
 * layout — for each group g, the columns [answered ∧ in g, category 1 ∧ in g, …, category k ∧ in g]
 * — and gives the rows of `estimate(survey, id, { by })`: each group a domain of the whole design
 * (R `svyby(…, svyciprop)`), none for a group nobody in answered.
 *
 * @param tally - The question's tally (from `tallyFile`), whole-sample or split by a grouping question.
 * @param designTally - Its design tally (`tallyFile` with `designTallies: true`): 1 + k columns, or G·(1 + k) split by G groups.
 * @param questionLabel - The question as readers see it.
 * @param options - The interval method and level, single-PSU strata, and column names for errors.
 * @returns One design-based row per category (per group and category with `Tally.by`).
 * @throws {@link SurveyError} `E_ARGUMENT` for a method without a design-based form or a design tally of the wrong width; as `finalizeDesignTally` for a bad design.
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
  const width = groups.length * (1 + tally.categories.length);
  if (designTally.columns !== width) {
    throw argumentError("designTally", `must have ${width} columns: [answered, each category of "${tally.question}"]${tally.by ? ` for each group of "${tally.by.question}"` : ""}`, designTally.columns);
  }
  return designCellsFromTally(designTally, groups.length, options).flatMap((cells, g) =>
    cells.map((cell, c) => ({
      ...estimateIdentity(tally, questionLabel, tally.categories[c] as CategoryInfo, groups[g]),
      ...cell,
    })),
  );
}
