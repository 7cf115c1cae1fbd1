import type { Codebook } from "../codebook";
import type { Encoding } from "../load/decodeBytes";
import type { Source } from "../load/readSourceText";
import { loadSurvey, type ValidationReport } from "../survey";
import { streamableDesign, tallyFile, type Tally, type TallyProgress } from "../tally";
import { crosstab, type Crosstab, type CrosstabOptions } from "./crosstab";
import { crosstabFromTallies } from "./crosstabFromTallies";
import { crosstabQuestionLabel } from "./crosstabQuestion";
import { streams, throwOnFirstProblem } from "./estimateSource";
import { whyRowsAreNeeded } from "./whyRowsAreNeeded";

/** Options of `crosstabSource`: `crosstab`'s, and how the source is read. */
export interface SourceCrosstabOptions extends CrosstabOptions {
  /** Text encoding (default: UTF-8, or Windows-1252 for a file that is not UTF-8). */
  encoding?: Encoding;
  /** Stop at the first bad row or warning (a question left without an estimate). */
  strict?: boolean;
  /** Called as the stream reads bytes (a file's `totalBytes` included); never called when the file is read whole. */
  onProgress?: (progress: TallyProgress) => void;
  /**
   * Which engine: `true` streams (an `E_ARGUMENT` saying why when the crosstab needs every row),
   * `false` reads the file whole, "auto" (the default) streams a file over 32 MiB when it can.
   */
  stream?: boolean | "auto";
}

/** A source's crosstab, its validation report, and which engine read it. */
export interface SourceCrosstab {
  /** "stream" (one pass in bounded memory) or "memory" (the file read whole). */
  engine: "stream" | "memory";
  /** The crosstab, as `crosstab` gives it. */
  crosstab: Crosstab;
  /** The validation report of the file. */
  report: ValidationReport;
}

/**
 * The crosstab of a survey file by the engine that suits it: one streaming pass in bounded
 * memory (`tallyFile` split by the column question, with the design's per-stratum and per-PSU
 * sums when the codebook has a design, then `crosstabFromTallies`), or the file read whole
 * (`loadSurvey`, then `crosstab`) when the crosstab needs every row (`whyRowsAreNeeded`: a
 * calibrated, replicate-weight or multistage design, the likelihood interval, svyciprop's
 * methods on a simple random sample), when the file is small, or when asked to. Both give the
 * same crosstab and the same validation report.
 *
 * @param source - The survey's CSV: a file path, or any source `loadSurvey` and `tallyFile` read.
 * @param codebook - The checked codebook (`resolveCodebook`, `parseCodebook`).
 * @param rowQuestion - The id of the question whose proportions the table shows.
 * @param columnQuestion - The id of the question that splits them.
 * @param options - `crosstab`'s options, the reading options and the engine.
 * @returns The crosstab, the validation report and the engine.
 * @throws {@link SurveyError} `E_UNKNOWN_QUESTION` or `E_ARGUMENT` for a question `crosstab` refuses,
 *   before the file is read by either engine.
 */
export async function crosstabSource(source: Source, codebook: Codebook, rowQuestion: string, columnQuestion: string, options: SourceCrosstabOptions = {}): Promise<SourceCrosstab> {
  const { encoding, strict, onProgress, stream = "auto", ...crosstabOptions } = options;
  const reading = encoding === undefined ? {} : { encoding };
  // The questions asked for are refused before either engine reads the file.
  crosstabQuestionLabel(codebook, rowQuestion);
  crosstabQuestionLabel(codebook, columnQuestion);
  const rowsNeeded = whyRowsAreNeeded(codebook, { questions: [], summarised: [], method: options.method });
  if (await streams(source, stream, rowsNeeded)) {
    const tallied = await tallyFile(source, codebook, {
      ...reading,
      ...(onProgress ? { onProgress } : {}),
      // The row question's design sums only: the others are counted by value, for the report.
      designTallies: streamableDesign(codebook.design) ? [rowQuestion] : false,
      by: columnQuestion,
    });
    const { report } = tallied;
    const tally = tallied.byTallies?.get(rowQuestion) as Tally;
    const designTally = tallied.byDesignTallies?.get(rowQuestion);
    const result = crosstabFromTallies({ tally, designTally, rowsRead: report.rowsRead }, codebook, crosstabOptions);
    if (strict) throwOnFirstProblem(report);
    return { engine: "stream", crosstab: result, report };
  }
  const survey = await loadSurvey(source, { codebook, strict: strict === true, ...reading });
  return { engine: "memory", crosstab: crosstab(survey, rowQuestion, columnQuestion, crosstabOptions), report: survey.report };
}
