import type { Codebook } from "../codebook";
import { SurveyError } from "../errors";
import type { SurveyCIMethod } from "../stats/surveyProportionCI";
import type { DesignTally, LonelyPsu, Tally } from "../tally";
import type { CIMethod, Estimate } from "../types";
import { designTallyOptions } from "./designTallyOptions";
import { estimatesFromDesignTally } from "./estimatesFromDesignTally";
import { estimatesFromTally } from "./estimatesFromTally";

/** A survey's questions as tallies only: what a streamed file or an engine's GROUP BY gives. */
export interface TalliedSurvey {
  /** Per question id, its whole-sample tally. */
  tallies: ReadonlyMap<string, Tally>;
  /** Per question, the design's sums, for a weighted, stratified or clustered design. */
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
}

/**
 * Estimate rows of `questions` from their tallies, as `estimate()` gives them on the rows: with
 * design tallies, R `svyciprop` per category (`estimatesFromDesignTally`); otherwise a simple
 * random sample, with the codebook's `design.populationSize` as its finite-population correction
 * (`estimatesFromTally`). A svyciprop-only method on a simple random sample needs the rows.
 *
 * @param survey - The tallies, with the design's sums if any (`tallyFromSql`, `tallyFile`), and the number of rows read.
 * @param codebook - The codebook the tallies were built from: question labels and the design.
 * @param questions - The ids of the questions to estimate, in the order of the rows returned.
 * @param options - Interval method and level, and the lonely-PSU rule of a design.
 * @returns One row per question and category, as `estimate` gives them.
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
 */
export function estimatesFromTallies(survey: TalliedSurvey, codebook: Codebook, questions: readonly string[], options: TalliesEstimateOptions = {}): Estimate[] {
  const populationSize = codebook.design?.populationSize;
  return questions.flatMap((id) => {
    const tally = survey.tallies.get(id);
    const question = codebook.questions.find((q) => q.id === id);
    if (!tally || !question) {
      throw new SurveyError("E_UNKNOWN_QUESTION", `no question "${id}" in the codebook; questions are: ${codebook.questions.map((q) => q.id).join(", ")}`);
    }
    if (survey.designTallies) {
      const designTally = survey.designTallies.get(id);
      if (!designTally) throw new SurveyError("E_ARGUMENT", `question "${id}" is numeric: it has no categories to estimate proportions of`);
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
}
