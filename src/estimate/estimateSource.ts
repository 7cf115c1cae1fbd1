import type { Codebook } from "../codebook";
import { groupingQuestion, proportionQuestion } from "../codebook/groupingQuestion";
import { argumentError, SurveyError } from "../errors";
import type { Encoding } from "../load/decodeBytes";
import type { Source } from "../load/readSourceText";
import { isFilePath } from "../load/stream/sourceChunks";
import type { CalibrationResult } from "../stats/design";
import type { SurveyCIMethod } from "../stats/surveyProportionCI";
import { loadSurvey, throwOnWarning, type Survey, type ValidationReport } from "../survey";
import { streamableDesign, tallyFile, type LonelyPsu, type Tally, type TallyProgress } from "../tally";
import type { CIMethod, Estimate } from "../types";
import { calibrationOf } from "./calibrationOf";
import { estimate } from "./estimate";
import { estimatesFromTallies } from "./estimatesFromTallies";
import { whyRowsAreNeeded } from "./whyRowsAreNeeded";

/** Files larger than this are streamed (bounded memory) when `stream` is "auto" and the estimates allow it. */
const STREAM_FROM_BYTES = 32 * 1024 * 1024;

/** Options of `estimateSource`. */
export interface SourceEstimateOptions {
  /** Ids of the questions to estimate, in the order of the rows (default: every categorical question). */
  questions?: readonly string[];
  /**
   * Ids of questions whose mean (and quartiles) the caller computes from the result's `survey`
   * (`estimateMean`, `estimateQuantiles`): they need every row, so the file is read whole.
   */
  summarised?: readonly string[];
  /** Id of a categorical question to split by: one row per group and category, streamed or read whole alike. */
  by?: string;
  /** Interval method (default: a simple random sample's "wilson", a design's "logit"). */
  method?: CIMethod | SurveyCIMethod;
  /** Confidence level (default 0.95). */
  level?: number;
  /** Overrides the codebook's `design.lonelyPsu`. */
  lonelyPsu?: LonelyPsu;
  /** Labels in this language ("fr-FR") where the codebook's `translations` give them. */
  locale?: string;
  /** Text encoding (default: UTF-8, or Windows-1252 for a file that is not UTF-8). */
  encoding?: Encoding;
  /** Stop at the first bad row or warning (a question left without an estimate). */
  strict?: boolean;
  /** Called as the stream reads bytes (a file's `totalBytes` included); never called when the file is read whole. */
  onProgress?: (progress: TallyProgress) => void;
  /**
   * Which engine: `true` streams (an `E_ARGUMENT` saying why when the estimates need every row),
   * `false` reads the file whole, "auto" (the default) streams a file over 32 MiB when the
   * estimates allow it.
   */
  stream?: boolean | "auto";
}

/** The estimates of a source, its validation report, and which engine read it. */
export type SourceEstimates =
  | { engine: "stream"; estimates: Estimate[]; report: ValidationReport }
  | { engine: "memory"; estimates: Estimate[]; report: ValidationReport; survey: Survey; calibration: CalibrationResult | undefined };

/**
 * The estimates of a survey file by the engine that suits it: one streaming pass in bounded
 * memory (`tallyFile` on both cores, with the design's per-stratum and per-PSU sums when the
 * codebook has a design, then `estimatesFromTallies`), or the file read whole (`loadSurvey`,
 * then `estimate` per question) when the estimates need every row (`whyRowsAreNeeded`), when the
 * file is small, or when asked to. Both give the same rows and the same validation report.
 *
 * @param source - The survey's CSV: a file path, or any source `loadSurvey` and `tallyFile` read.
 * @param codebook - The checked codebook (`resolveCodebook`, `parseCodebook`).
 * @param options - The questions and grouping, the interval, reading options and the engine.
 * @returns The rows (labels in `locale`), the validation report and the engine; read whole, also
 *   the survey and its calibration.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` or `E_ARGUMENT` for a question `estimate` refuses
 *   (or a `by` it cannot split by), before the file is read by either engine.
 */
export async function estimateSource(source: Source, codebook: Codebook, options: SourceEstimateOptions = {}): Promise<SourceEstimates> {
  const questions = options.questions ?? codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
  const { method, level, lonelyPsu, locale, encoding } = options;
  const interval = { ...(method === undefined ? {} : { method }), ...(level === undefined ? {} : { level }) };
  // The questions asked for are refused before either engine reads the file.
  for (const id of questions) proportionQuestion(codebook, id);
  if (options.by !== undefined) groupingQuestion(codebook, options.by);
  const rowsNeeded = whyRowsAreNeeded(codebook, { questions, summarised: options.summarised ?? [], method });
  if (await streams(source, options.stream ?? "auto", rowsNeeded)) {
    const tallied = await tallyFile(source, codebook, {
      ...(encoding === undefined ? {} : { encoding }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      designTallies: streamableDesign(codebook.design),
      ...(options.by === undefined ? {} : { by: options.by }),
    });
    const { report } = tallied;
    // Split by a group, the tallies (and design tallies) split by it.
    const tallies = options.by === undefined ? tallied.tallies : (tallied.byTallies as Map<string, Tally>);
    const designTallies = options.by === undefined ? tallied.designTallies : tallied.byDesignTallies;
    const estimates = estimatesFromTallies({ tallies, designTallies, rowsRead: report.rowsRead }, codebook, questions, {
      ...interval,
      ...(lonelyPsu === undefined ? {} : { lonelyPsu }),
      ...(locale === undefined ? {} : { locale }),
    });
    if (options.strict) throwOnFirstProblem(report);
    return { engine: "stream", estimates, report };
  }
  const survey = await loadSurvey(source, {
    codebook,
    strict: options.strict === true,
    ...(encoding === undefined ? {} : { encoding }),
    ...(lonelyPsu === undefined ? {} : { design: { lonelyPsu } }),
  });
  const by = options.by === undefined ? {} : { by: options.by };
  const estimates = questions.flatMap((id) => estimate(survey, id, { ...interval, ...(locale === undefined ? {} : { locale }), ...by }));
  return { engine: "memory", estimates, report: survey.report, survey, calibration: calibrationOf(survey) };
}

/**
 * Whether to stream the source: always when `stream` is true (an `E_ARGUMENT` with the reason
 * when `rowsNeeded` says the rows are needed), never when false, and on "auto" when nothing needs
 * the rows and the source is a file over 32 MiB.
 *
 * @param source - The survey's CSV.
 * @param stream - The engine asked for.
 * @param rowsNeeded - Why the rows are needed (`whyRowsAreNeeded`), or undefined.
 * @returns Whether to stream.
 * @throws {@link SurveyError} `E_ARGUMENT` for `stream: true` when the rows are needed.
 */
export async function streams(source: Source, stream: boolean | "auto", rowsNeeded: string | undefined): Promise<boolean> {
  if (stream === true && rowsNeeded !== undefined) throw argumentError("stream: true", `cannot be used here: ${rowsNeeded}; pass "auto" or false`);
  return stream === true || (stream === "auto" && rowsNeeded === undefined && (await isLargeFile(source)));
}

/**
 * Strict reading of a streamed file, as `loadSurvey`'s strict mode: the first warning (a
 * question left without an estimate), else the first problem of the report, thrown.
 *
 * @param report - The streamed file's validation report.
 * @returns Nothing when the report has neither.
 * @throws {@link SurveyError} the first warning or problem.
 */
export function throwOnFirstProblem(report: ValidationReport): void {
  throwOnWarning(report.warnings ?? []);
  const [first] = report.issues;
  if (first) throw new SurveyError(first.code, first.reason, first);
}

/** Whether the source is a file over `STREAM_FROM_BYTES` (a missing one is an `E_IO` naming it). */
export async function isLargeFile(source: Source): Promise<boolean> {
  if (!isFilePath(source)) return false;
  const { checkedFileSize } = await import("../load/node/readFileBytes");
  return (await checkedFileSize(source)) > STREAM_FROM_BYTES;
}
