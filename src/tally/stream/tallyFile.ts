import { noAnswerRows } from "../../load/noAnswerRows";
import { parseCodebook, type Codebook } from "../../codebook";
import { groupingQuestion } from "../../codebook/groupingQuestion";
import { argumentError, SurveyError } from "../../errors";
import type { Encoding } from "../../load/decodeBytes";
import type { Source } from "../../load/readSourceText";
import { isFilePath, sourceChunks } from "../../load/stream/sourceChunks";
import { encodingFromEvidence } from "../../load/decodeBytes";
import { Utf8Evidence } from "../../load/Utf8Evidence";
import { binaryFileError } from "../../load/rejectBinary";
import { rereadable, rowAtStreamOffset } from "../../load/stream/rowAtStreamOffset";
import { sniffDelimiterOf } from "../../load/stream/readHeader";
import { peekUtf8Bom } from "../../load/stream/peekUtf8Bom";
import { textDecoderFor } from "../../load/stream/textDecoderFor";
import { reportWarnings } from "../../survey/reportWarnings";
import { joinParts, type FileTally } from "./joinParts";
import { designStreamRefusal } from "./StreamTallier";
import { tallyChunks } from "./tallyChunks";

/** How far a long tally has got. */
export interface TallyProgress {
  /** Bytes read so far. */
  bytesRead: number;
  /** The file's size, when the source is a file. */
  totalBytes?: number;
}

/** Options of `tallyFile`. */
export interface TallyFileOptions {
  /**
   * Threads counting a file path (Node only): the file is cut at record boundaries and the
   * parts are tallied in parallel, the first on the calling thread and each other one on a
   * worker thread. Default: one per core for files of 32 MiB or more, else 1.
   * Other sources, and files whose codebook names a `respondentId` (every id is compared with
   * every earlier one), are always tallied on the calling thread.
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
   * Also tally the codebook's design, which must name weights, strata or clusters (and no
   * calibration, replicate weights, second stage, nor an fpc column without weights:
   * `streamableDesign`; any other is an `E_ARGUMENT` saying why): the result's `designTallies`
   * then hold, per categorical question, the per-stratum and per-PSU sums that
   * `estimatesFromDesignTally` turns into design-based estimates. Every question is then coded
   * per record, which is slower than counting values. A list of question ids keeps the sums of
   * those questions only (a crosstab's row question): the others are counted by value, as
   * without a design, and still checked for the report.
   */
  designTallies?: boolean | readonly string[];
  /**
   * Also tally each categorical question (multi-selects too) split by this grouping question,
   * binary, single-choice or Likert, as `estimate`'s `by` splits it: the result's `byTallies`
   * (each a `Tally` with `by`), beside the whole-sample `tallies`; with `designTallies`, the
   * design's sums are kept per group only, in `byDesignTallies` (and `designTallies` is left
   * out). An unknown id is `E_UNKNOWN_QUESTION`, a multi-select or numeric one `E_ARGUMENT`,
   * before the file is read.
   */
  by?: string;
  /**
   * Problems listed per question and code in `report.issues` (default 1000, `Infinity` for all):
   * the rest are counted in `report.omittedIssues`, so memory does not grow with bad cells.
   */
  issueLimit?: number;
}

/** The tallies and report of a file, and how many threads counted it. */
export interface FileTallyResult extends FileTally {
  /** The encoding the file was read in (given, or decided from all its bytes as `chooseEncoding` does). */
  encoding: Encoding;
  /** Threads whose counts make the result: 1 when the file was read on one thread (or a cut fell inside quotes). */
  workers: number;
}

/**
 * Whole-sample tallies of every codebook question, straight from a CSV source in one streaming
 * pass: the rows are never held, so memory is bounded by the categories, whatever the file's
 * size. The tallies and the report are the ones `surveyFromTable` + `tallyAnswers` give on the
 * same data — same codes, filters, missing codes, bad values and skip-logic accounting. With
 * `by`, each categorical question's tally split by that question too (`tallyAnswers(answers, by)`).
 *
 * @param source - The CSV: a file path, CSV text (a string with a line break), a URL, bytes, or a stream of chunks.
 * @param codebook - The codebook object (checked as `parseCodebook` does).
 * @param options - Threads (`workers`), reading options, and `designTallies` for a design's sums.
 * @returns The tally of each question, the validation report, the encoding and the threads used.
 * @throws {@link SurveyError} for a bad codebook, an unreadable file, or a header without rows.
 *
 * @example
 * ```ts
 * import { readFile } from "node:fs/promises";
 * import { join } from "node:path";
 * import { loadDataset, tallyFile } from "svyprop";
 *
 * const { dir } = await loadDataset("moubarak-2009");
 * const codebook = JSON.parse(await readFile(join(dir, "codebook.json"), "utf8"));
 * const { tallies, report } = await tallyFile(join(dir, "responses.csv"), codebook, { workers: 2 });
 * report.rowsRead; // → 202
 * tallies.get("real_name")?.counts; // → [138, 2]
 * ```
 */
export async function tallyFile(source: Source, codebook: Codebook, options: TallyFileOptions = {}): Promise<FileTallyResult> {
  const checked = parseCodebook(codebook);
  const refusal = options.designTallies !== undefined && options.designTallies !== false ? designStreamRefusal(checked.design) : undefined;
  if (refusal !== undefined) throw argumentError("designTallies", `needs a design that streams in one pass: ${refusal}; load the file whole with loadSurvey and estimate from the survey`);
  if (options.by !== undefined) groupingQuestion(checked, options.by);
  const result = await tallyEncoded(source, checked, options);
  if (result.report.rowsRead === 0) {
    // As `readTable` refuses it: a header alone is no survey.
    throw noAnswerRows();
  }
  return { ...result, report: { ...result.report, warnings: reportWarnings(checked, result.report) } };
}

/**
 * Tallies in the encoding asked for (Windows-1252 only when the file has no UTF-8 BOM), or else as UTF-8 while gathering the evidence of every byte;
 * `chooseEncoding`'s rule then decides on the whole file, as the in-memory path decides: a NUL byte
 * anywhere is `E_BINARY_FILE`, before anything else; a file that is not UTF-8 and holds no UTF-8
 * character is tallied again as Windows-1252 (a file or bytes; a stream cannot be read twice), and
 * one that mixes encodings is an `E_ENCODING` naming the first bad byte's offset and row.
 */
async function tallyEncoded(given: Source, codebook: Codebook, options: TallyFileOptions): Promise<FileTallyResult> {
  let source = given;
  let asked = options.encoding ?? "utf-8";
  if (asked === "windows-1252") {
    // A UTF-8 BOM says UTF-8 whatever was asked (`chooseEncoding`): the bytes decide, as when nothing was asked.
    const peeked = await peekUtf8Bom(source);
    source = peeked.source;
    if (peeked.bom) asked = "utf-8";
  }
  let first: FileTallyResult;
  try {
    first = await tallyWithEncoding(source, codebook, options, asked);
  } catch (error) {
    // An error met before the end (a column name or a weight read as UTF-8) must not hide what the
    // whole file's bytes decide: the in-memory path decides the encoding first.
    if (!(error instanceof SurveyError) || !rereadable(source)) throw error;
    const evidence = new Utf8Evidence();
    for await (const chunk of sourceChunks(source)) evidence.push(chunk);
    if (evidence.finish().firstNul >= 0) throw binaryFileError(evidence.firstNul);
    if (asked === "windows-1252" || evidence.firstInvalid < 0) throw error;
    const delimiter = options.delimiter ?? sniffDelimiterOf(await firstBytes(source), new TextDecoder("windows-1252"));
    const row = await rowAtStreamOffset(source, evidence.firstInvalid, delimiter);
    encodingFromEvidence(evidence, options.encoding, () => row);
    return tallyWithEncoding(source, codebook, options, "windows-1252");
  }
  if (first.evidence.firstNul >= 0) throw binaryFileError(first.evidence.firstNul);
  if (asked === "windows-1252" || first.evidence.firstInvalid < 0) return first;
  const rowOf = rereadable(source) ? await rowAtStreamOffset(source, first.evidence.firstInvalid, first.delimiter) : undefined;
  encodingFromEvidence(first.evidence, options.encoding, rowOf === undefined ? undefined : () => rowOf);
  if (!rereadable(source)) {
    throw new SurveyError("E_ENCODING", 'the stream is not valid UTF-8: pass { encoding: "windows-1252" } if it comes from Excel');
  }
  return tallyWithEncoding(source, codebook, options, "windows-1252");
}

/** The first 64 KiB of a source that can be read again (enough to sniff its delimiter). */
async function firstBytes(source: Source): Promise<Uint8Array> {
  for await (const chunk of sourceChunks(source, 1 << 16)) return chunk.slice();
  return new Uint8Array(0);
}

async function tallyWithEncoding(source: Source, codebook: Codebook, options: TallyFileOptions, encoding: Encoding): Promise<FileTallyResult> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  if (isFilePath(source)) {
    const { tallyFilePath } = await import("./node/tallyFilePath");
    const result = await tallyFilePath(source, codebook, {
      encoding,
      chunkSize,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      designTallies: options.designTallies ?? false,
      ...(options.issueLimit === undefined ? {} : { issueLimit: options.issueLimit }),
      ...(options.by === undefined ? {} : { by: options.by }),
    });
    return { ...result, encoding };
  }
  let bytesRead = 0;
  const part = await tallyChunks(sourceChunks(source, chunkSize), codebook, {
    decoder: textDecoderFor(encoding),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    onChunk: (bytes) => options.onProgress?.({ bytesRead: (bytesRead += bytes) }),
    designTallies: options.designTallies ?? false,
    ...(options.issueLimit === undefined ? {} : { issueLimit: options.issueLimit }),
    ...(options.by === undefined ? {} : { by: options.by }),
  });
  return { ...joinParts([part], 0, options.issueLimit), workers: 1, encoding };
}
