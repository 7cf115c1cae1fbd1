import { parseCodebook, type Codebook } from "../../codebook";
import { SurveyError } from "../../errors";
import type { Encoding } from "../../load/decodeBytes";
import type { Source } from "../../load/readSourceText";
import { isFilePath, sourceChunks } from "../../load/stream/sourceChunks";
import { isInvalidUtf8, textDecoderFor } from "../../load/stream/textDecoderFor";
import { joinParts, type FileTally } from "./joinParts";
import { tallyChunks } from "./tallyChunks";

/** How far a long tally has got. */
export interface TallyProgress {
  bytesRead: number;
  /** The file's size, when the source is a file. */
  totalBytes?: number;
}

export interface TallyFileOptions {
  /**
   * Threads counting a file path (Node only): the file is cut at record boundaries and the
   * parts are tallied in parallel, the first on the calling thread and each other one on a
   * worker thread. Default: one per core for files of 32 MiB or more, else 1.
   * Other sources are always tallied on the calling thread.
   */
  workers?: number;
  /** Called as bytes are read (after each chunk). */
  onProgress?: (progress: TallyProgress) => void;
  /** Field delimiter; sniffed among `,` `;` tab from the header line when omitted. */
  delimiter?: string;
  /** Text encoding; UTF-8, falling back to Windows-1252 for bytes that are not UTF-8, when omitted. */
  encoding?: Encoding;
  /** Bytes read at a time (default 1 MiB). */
  chunkSize?: number;
  /**
   * Also tally the codebook's design, when it names weights, strata or clusters (and no
   * calibration, nor an fpc column without weights: `streamableDesign`): the result's
   * `designTallies` then hold, per categorical question, the per-stratum and per-PSU sums that
   * `estimatesFromDesignTally` turns into design-based estimates. Every question is then coded
   * per record, which is slower than counting values.
   */
  designTallies?: boolean;
}

/** The tallies and report of a file, and how many threads counted it. */
export interface FileTallyResult extends FileTally {
  /** Threads whose counts make the result: 1 when the file was read on one thread (or a cut fell inside quotes). */
  workers: number;
}

/**
 * Whole-sample tallies of every codebook question, straight from a CSV source in one streaming
 * pass: the rows are never held, so memory is bounded by the categories, whatever the file's
 * size. The tallies and the report are the ones `surveyFromTable` + `tallyAnswers` give on the
 * same data — same codes, filters, missing codes, bad values and skip-logic accounting.
 *
 * @example
 * const { tallies, report } = await tallyFile("big-survey.csv", codebook, { workers: 2 });
 */
export async function tallyFile(source: Source, codebook: Codebook, options: TallyFileOptions = {}): Promise<FileTallyResult> {
  const checked = parseCodebook(codebook);
  const result = await tallyEncoded(source, checked, options);
  if (result.report.rowsRead === 0) {
    // As `readTable` refuses it: a header alone is no survey.
    throw new SurveyError("E_NO_ROWS", "the file has a header but no answer rows");
  }
  return result;
}

async function tallyEncoded(source: Source, codebook: Codebook, options: TallyFileOptions): Promise<FileTallyResult> {
  try {
    return await tallyWithEncoding(source, codebook, options, options.encoding ?? "utf-8");
  } catch (error) {
    if (options.encoding !== undefined || !isInvalidUtf8(error)) throw error;
    if (isFilePath(source) || source instanceof Uint8Array) return tallyWithEncoding(source, codebook, options, "windows-1252");
    throw new SurveyError("E_CSV_PARSE", 'the stream is not valid UTF-8: pass { encoding: "windows-1252" } if it comes from Excel');
  }
}

async function tallyWithEncoding(source: Source, codebook: Codebook, options: TallyFileOptions, encoding: Encoding): Promise<FileTallyResult> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  if (isFilePath(source)) {
    const { tallyFilePath } = await import("./node/tallyFilePath");
    return tallyFilePath(source, codebook, {
      encoding,
      chunkSize,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      designTallies: options.designTallies === true,
    });
  }
  let bytesRead = 0;
  const part = await tallyChunks(sourceChunks(source, chunkSize), codebook, {
    decoder: textDecoderFor(encoding),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    onChunk: (bytes) => options.onProgress?.({ bytesRead: (bytesRead += bytes) }),
    designTallies: options.designTallies === true,
  });
  return { ...joinParts([part], 0), workers: 1 };
}
