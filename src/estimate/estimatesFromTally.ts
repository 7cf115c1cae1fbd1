import type { CategoryInfo } from "../codebook";
import { SurveyError } from "../errors";
import { proportionCI } from "../stats/proportionCI";
import type { Tally } from "../tally";
import type { CIMethod, Estimate } from "../types";

/** Options of `estimatesFromTally`. */
export interface TallyEstimateOptions {
  /** Interval method, one of `CI_METHODS` (default "wilson"). */
  method?: CIMethod;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Population size N of the frame (finite-population correction), with… */
  populationSize?: number;
  /** …the number of respondents n drawn from it (each base is a domain with sampling fraction n/N). */
  sampleSize?: number;
}

/**
 * Estimate rows from a tally of a simple random sample: for each group and category the count,
 * the base and `proportionCI`'s interval. With a population size N and n respondents, a base n_d
 * is a domain of the sample and uses the population size N·n_d/n (Cochran 1977, §2.13) — what
 * R survey computes for `svyciprop` on a subset of an SRS design with `fpc`. Works on tallies
 * from `tallyAnswers`, `tallyFile` (streamed) or `tallyFromCounts` alike.
 *
 * @param tally - The counts of one question (from `tallyAnswers`, `tallyFile` or `tallyFromCounts`).
 * @param questionLabel - The question as readers see it.
 * @param options - Interval method and level, and the population size N with the number of
 *   respondents n for the finite-population correction.
 * @returns One row per category (and group), as `estimate` gives for a simple random sample.
 *
 * @example
 * ```ts
 * import { estimatesFromTally, tallyFromCounts } from "svyprop";
 *
 * const codebook = {
 *   questions: [{ id: "real_name", column: "real_name", type: "binary" as const, positive: ["yes"], negative: ["no"] }],
 * };
 * const { tallies } = tallyFromCounts(
 *   [
 *     { question: "real_name", value: "yes", count: 138 },
 *     { question: "real_name", value: "no", count: 2 },
 *   ],
 *   codebook,
 * );
 * estimatesFromTally(tallies.get("real_name")!, "Profile displays real name");
 * // → [{ category: "yes", count: 138, base: 140, lower: 0.9494, upper: 0.9961 }, { category: "no", count: 2 }]
 * ```
 */
export function estimatesFromTally(tally: Tally, questionLabel: string, options: TallyEstimateOptions = {}): Estimate[] {
  const { populationSize, sampleSize } = options;
  if (populationSize !== undefined && sampleSize !== undefined && !(populationSize >= sampleSize)) {
    // Bad input (a codebook's design.populationSize), not bad usage: exit 3 naming the field.
    throw new SurveyError("E_FPC", `the population size is smaller than the ${sampleSize} respondents read`, {
      path: "design.populationSize",
      value: String(populationSize),
    });
  }
  const groups: Array<CategoryInfo | undefined> = tally.by ? tally.by.groups : [undefined];
  const k = tally.categories.length;
  return groups.flatMap((group, g) => {
    const base = tally.bases[g] as number;
    if (base === 0) return [];
    const domainPopulation =
      populationSize === undefined || sampleSize === undefined ? undefined : (populationSize * base) / sampleSize;
    return tally.categories.map((category, c): Estimate => {
      const count = tally.counts[g * k + c] as number;
      const interval = proportionCI(count, base, {
        ...(options.method === undefined ? {} : { method: options.method }),
        ...(options.level === undefined ? {} : { level: options.level }),
        ...(domainPopulation === undefined ? {} : { populationSize: domainPopulation }),
      });
      return {
        ...estimateIdentity(tally, questionLabel, category, group),
        count,
        base,
        proportion: interval.estimate,
        lower: interval.lower,
        upper: interval.upper,
        level: interval.level,
        method: interval.method,
        ...(domainPopulation === undefined ? {} : { populationSize: domainPopulation }),
      };
    });
  });
}

/**
 * The fields that say which question, category and group an Estimate row is about.
 *
 * @param tally - The question's tally.
 * @param questionLabel - The question as readers see it.
 * @param category - The row's category.
 * @param group - The row's group, if any.
 * @returns The question, its label, the category, its label and the group.
 *
 * @example
 * ```ts
 * import { estimateIdentity, tallyFromCounts } from "svyprop";
 *
 * const { tallies } = tallyFromCounts([{ question: "fb", value: "Oui", count: 3 }], {
 *   questions: [{ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }],
 * });
 * estimateIdentity(tallies.get("fb")!, "Has a Facebook profile", { code: "yes", label: "Yes" }, undefined);
 * // → { question: "fb", questionLabel: "Has a Facebook profile", category: "yes", categoryLabel: "Yes" }
 * ```
 */
export function estimateIdentity(
  tally: Tally,
  questionLabel: string,
  category: CategoryInfo,
  group: CategoryInfo | undefined,
): Pick<Estimate, "question" | "questionLabel" | "category" | "categoryLabel" | "group"> {
  return {
    question: tally.question,
    questionLabel,
    category: category.code,
    categoryLabel: category.label,
    ...(group && tally.by ? { group: { [tally.by.question]: group.code } } : {}),
  };
}
