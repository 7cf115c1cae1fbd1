import type { Codebook } from "../codebook";
import { proportionQuestion, unknownQuestion } from "../codebook/groupingQuestion";
import type { SurveyCIMethod } from "../stats/surveyProportionCI";
import type { DesignTally, LonelyPsu, Tally } from "../tally";
import type { CIMethod, Estimate } from "../types";
import { designTallyOptions } from "./designTallyOptions";
import { estimatesFromDesignTally } from "./estimatesFromDesignTally";
import { estimatesFromTally } from "./estimatesFromTally";
import { localizeLabels } from "./localizeLabels";

/** A survey's questions as tallies only: what a streamed file or an engine's GROUP BY gives. */
export interface TalliedSurvey {
  /** Per question id, its tally: whole-sample, or split by a grouping question (`tallyFile`'s `byTallies`). */
  tallies: ReadonlyMap<string, Tally>;
  /**
   * Per question, the design's sums, for a weighted, stratified or clustered design (split by
   * group, `tallyFile`'s `byDesignTallies`: one block of columns per group).
   */
  designTallies?: ReadonlyMap<string, DesignTally> | undefined;
  /** Respondents read: the n of the finite-population correction of a simple random sample. */
  rowsRead: number;
}

/** Options of `estimatesFromTallies`. */
export interface TalliesEstimateOptions {
  /** Interval method: one of `CI_METHODS` for a simple random sample, `SURVEY_CI_METHODS` for a design (default: each one's default). */
  method?: CIMethod | SurveyCIMethod;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Overrides the codebook's `design.lonelyPsu`. */
  lonelyPsu?: LonelyPsu;
  /** Labels in this language ("fr-FR") where the codebook's `translations` give them (see `localizeLabels`). */
  locale?: string;
}

/**
 * Estimate rows of `questions` from their tallies, as `estimate()` gives them on the rows: with
 * design tallies, R `svyciprop` per category (`estimatesFromDesignTally`); otherwise a simple
 * random sample, with the codebook's `design.populationSize` as its finite-population correction
 * (`estimatesFromTally`). A svyciprop-only method on a simple random sample needs the rows.
 * Tallies split by a grouping question (`tallyFile`'s `byTallies` and `byDesignTallies`) give the
 * rows of `estimate(survey, id, { by })`: one per group and category, each group a domain.
 * A numeric question is refused as `estimate` refuses it.
 *
 * @param survey - The tallies, with the design's sums if any (`tallyFromSql`, `tallyFile`), and the number of rows read.
 * @param codebook - The codebook the tallies were built from: question labels and the design.
 * @param questions - The ids of the questions to estimate, in the order of the rows returned.
 * @param options - Interval method and level, the lonely-PSU rule of a design, and the labels' `locale`.
 * @returns One row per question and category (and group), as `estimate` gives them.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` for a question without a tally, `E_ARGUMENT` for a numeric one.
 *
 * @example
 * ```ts
 * import { estimatesFromTallies, tallyFromSql } from "svyprop";
 *
 * const codebook = {
 *   questions: [{ id: "real_name", column: "real_name", type: "binary" as const, positive: ["yes"], negative: ["no"] }],
 * };
 * const { tallies, report } = tallyFromSql(
 *   [
 *     { question: "real_name", v1: "yes", n: 138 },
 *     { question: "real_name", v1: "no", n: 2 },
 *   ],
 *   codebook,
 * );
 * estimatesFromTallies({ tallies, rowsRead: report.rowsRead }, codebook, ["real_name"]);
 * // → [{ category: "yes", count: 138, base: 140, lower: 0.9494, upper: 0.9961 }, { category: "no", count: 2 }]
 * ```
 *
 * @example
 * ```ts
 * import { estimatesFromTallies, tallyFile } from "svyprop";
 *
 * const codebook = {
 *   questions: [
 *     { id: "fb", column: "fb", type: "binary" as const, positive: ["Oui"], negative: ["Non"] },
 *     { id: "sex", column: "sex", type: "single" as const, categories: [{ code: "f", label: "Female", values: ["F"] }, { code: "m", label: "Male", values: ["M"] }] },
 *   ],
 * };
 * const { byTallies, report } = await tallyFile("fb,sex\nOui,F\nNon,F\nOui,M\n", codebook, { by: "sex" });
 * estimatesFromTallies({ tallies: byTallies!, rowsRead: report.rowsRead }, codebook, ["fb"]);
 * // → [{ category: "yes", group: { sex: "f" }, groupLabel: "Female", count: 1, base: 2 }, { category: "no", count: 1 },
 * //    { category: "yes", group: { sex: "m" }, groupLabel: "Male", count: 1, base: 1 }, { category: "no", count: 0 }]
 * ```
 */
export function estimatesFromTallies(survey: TalliedSurvey, codebook: Codebook, questions: readonly string[], options: TalliesEstimateOptions = {}): Estimate[] {
  const populationSize = codebook.design?.populationSize;
  const rows = questions.flatMap((id) => {
    const question = proportionQuestion(codebook, id);
    const tally = survey.tallies.get(id);
    if (!tally) throw unknownQuestion(id, codebook.questions.map((q) => q.id));
    if (survey.designTallies) {
      const designTally = survey.designTallies.get(id);
      if (!designTally) throw unknownQuestion(id, codebook.questions.map((q) => q.id));
      const { method, level } = options;
      return estimatesFromDesignTally(tally, designTally, question.label ?? id, {
        ...designTallyOptions(codebook, options.lonelyPsu),
        ...(method === undefined ? {} : { method }),
        ...(level === undefined ? {} : { level }),
      });
    }
    const { method, level } = options;
    return estimatesFromTally(tally, question.label ?? id, {
      ...(method === undefined ? {} : { method: method as CIMethod }),
      ...(level === undefined ? {} : { level }),
      ...(populationSize === undefined ? {} : { populationSize, sampleSize: survey.rowsRead }),
    });
  });
  return localizeLabels(rows, codebook, options.locale);
}
