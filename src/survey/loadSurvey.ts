import { noAnswerRows } from "../load/noAnswerRows";
import { parseCodebook, type Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { IN_MEMORY_LIMIT, readSourceText, type Encoding, type ReadTableOptions, type Source } from "../load";
import { checkExportFormat, formatOfColumns } from "../load/exportFormats";
import { concatBytes } from "../load/stream/concatBytes";
import { AdaptiveDecoder } from "../load/stream/AdaptiveDecoder";
import { rowAtOffset } from "../load/scanTable";
import { CsvRecordScanner, type RecordBatch } from "../load/stream/CsvRecordScanner";
import { readHeader, sniffDelimiterOf, type CsvHeader } from "../load/stream/readHeader";
import { recordsPerBatch } from "../load/stream/recordsPerBatch";
import { rereadable, rowAtStreamOffset } from "../load/stream/rowAtStreamOffset";
import { isFilePath, sourceChunks } from "../load/stream/sourceChunks";
import { SurveyBuilder } from "./SurveyBuilder";
import type { Survey, SurveyOptions } from "./types";

/** `delimiter`, `encoding`, `format` (qualtrics, limesurvey, redcap) and `maxBytes` say how the file is read. */
export interface LoadSurveyOptions extends SurveyOptions, ReadTableOptions {
  /** The codebook: an object, its JSON text, or the path or URL of its JSON file. */
  codebook: Codebook | string | URL;
}

/** Records scanned and coded together. */
const BATCH_SIZE = 1024;

/**
 * Loads a survey: reads the source (path, CSV text, URL, bytes or stream) chunk by chunk, scans
 * its records by the rules of both reading paths (`CsvRecordScanner`, `readHeader`), and codes
 * each question straight into typed arrays (`SurveyBuilder`): no row of strings is ever held, so
 * memory grows with the respondents × questions of the coded answers, not with the file's text.
 * The encoding is decided from all the bytes (`AdaptiveDecoder`, in the same pass); a Qualtrics
 * export's extra header rows are recognised from their shape, LimeSurvey and REDCap exports from
 * their columns (or `format` says which). A file with a header but no answers is `E_NO_ROWS`, a
 * source over 512 MiB (or `maxBytes`) `E_TOO_LARGE`. See `SurveyBuilder` for what happens to bad
 * rows.
 *
 * @param source - The CSV: a file path, CSV text (a string with a line break), a URL, bytes, or a stream of chunks.
 * @param options - The codebook (object, JSON text, or path or URL of its file), and the reading
 *   options (`delimiter`, `encoding`, `format`, `maxBytes`) and coding options of `surveyFromTable`.
 * @returns The survey: its checked codebook, design, coded answers and validation report.
 * @throws {@link SurveyError} naming the row, column and value of what could not be read.
 *
 * @example
 * ```ts
 * import { join } from "node:path";
 * import { loadDataset, loadSurvey } from "svyprop";
 *
 * // The folder of the dataset shipped with svyprop; your own files work the same way.
 * const { dir } = await loadDataset("moubarak-2009");
 * const survey = await loadSurvey(join(dir, "responses.csv"), { codebook: join(dir, "codebook.json") });
 * survey.rowCount; // → 202
 * ```
 */
export async function loadSurvey(source: Source, options: LoadSurveyOptions): Promise<Survey> {
  const codebook = await resolveCodebook(options.codebook);
  if (options.format !== undefined) checkExportFormat(options.format);
  const limit = options.maxBytes ?? IN_MEMORY_LIMIT;
  const tooLarge = (size: number) =>
    new SurveyError(
      "E_TOO_LARGE",
      options.maxBytes === undefined
        ? `the file is over ${IN_MEMORY_LIMIT / 2 ** 20} MiB, more than is read whole in memory: stream it (svyprop estimate --stream, or tallyFile)`
        : `the source is larger than maxBytes (${options.maxBytes} bytes)`,
      { value: String(size) },
    );
  let expectedBytes: number | undefined;
  if (isFilePath(source)) {
    const { checkedFileSize } = await import("../load/node/readFileBytes");
    expectedBytes = await checkedFileSize(source);
    if (expectedBytes > limit) throw tooLarge(expectedBytes);
  } else if (source instanceof Uint8Array) expectedBytes = source.length;
  const decoder = new AdaptiveDecoder(options.encoding);
  const reading = new SurveyReading(codebook, decoder, { ...options, ...(expectedBytes === undefined ? {} : { expectedBytes }) });
  let size = 0;
  for await (const chunk of sourceChunks(source)) {
    size += chunk.length;
    if (size > limit) throw tooLarge(size);
    decoder.observe(chunk);
    reading.push(chunk);
  }
  decoder.end();
  reading.end();
  const row = !decoder.mixed ? undefined : (reading.invalidRow ?? (rereadable(source) ? await rowAtStreamOffset(source, decoder.firstInvalid, reading.delimiter) : undefined));
  const encoding = decoder.finish(row);
  return reading.survey(encoding);
}

/**
 * One read of a survey file: the header gathered from the first chunks, then the records scanned
 * and handed to the builder. The first error is kept until the whole file has been seen, so that
 * what all the bytes say (a binary file, mixed encodings) comes first, as when a file was read
 * whole before being scanned.
 */
class SurveyReading {
  private pending: Uint8Array | undefined;
  private header: CsvHeader | undefined;
  private scanner: CsvRecordScanner | undefined;
  private builder: SurveyBuilder | undefined;
  private failure: unknown;
  private firstBytes: Uint8Array | undefined;
  /** The spreadsheet row of the first byte that is not UTF-8, once a record holding it is scanned. */
  invalidRow: number | undefined;

  constructor(
    private readonly codebook: Codebook,
    private readonly decoder: AdaptiveDecoder,
    private readonly options: LoadSurveyOptions & { expectedBytes?: number },
  ) {}

  /** The delimiter the records are read with (sniffed from the first bytes until the header is read). */
  get delimiter(): string {
    return this.header?.delimiter ?? this.options.delimiter ?? sniffDelimiterOf(this.firstBytes ?? new Uint8Array(0), this.decoder);
  }

  push(chunk: Uint8Array): void {
    this.firstBytes ??= chunk.slice(0, 1 << 16);
    if (this.scanner) {
      if (this.failure === undefined) this.scanner.push(chunk);
      return;
    }
    // Until the header is read, the bytes are kept (a file that fails there is kept whole, for the row of a bad byte).
    this.pending = this.pending ? concatBytes(this.pending, chunk) : chunk.slice();
    if (this.failure !== undefined) return;
    try {
      const header = readHeader(this.pending, this.decoder, this.options.delimiter, { detectExport: this.detectsQualtrics() });
      if (header) this.start(header);
    } catch (error) {
      this.failure = error;
    }
  }

  /** Ends the bytes: the last record, an unterminated quote. */
  end(): void {
    try {
      if (this.failure !== undefined) return;
      if (!this.scanner) this.start(readHeader(this.pending ?? new Uint8Array(0), this.decoder, this.options.delimiter, { atEnd: true, detectExport: this.detectsQualtrics() }) as CsvHeader);
      this.scanner?.finish();
    } catch (error) {
      this.failure = error;
      // The bad byte lies past every record scanned: in the record whose quote is left open.
      if (this.scanner && this.invalidRow === undefined && error instanceof SurveyError) this.invalidRow = error.row;
    } finally {
      const invalid = this.decoder.firstInvalid;
      if (this.invalidRow === undefined && invalid >= 0 && !this.scanner && this.pending) this.invalidRow = rowAtOffset(this.pending, invalid, this.delimiter);
    }
  }

  /** The survey read (once the encoding is known to be right): `E_NO_ROWS` for a header alone. */
  survey(encoding: Encoding): Survey {
    if (this.failure !== undefined) throw this.failure;
    const header = this.header as CsvHeader;
    const builder = this.builder as SurveyBuilder;
    if (builder.recordsRead === 0) {
      throw noAnswerRows();
    }
    const format = this.options.format ?? (header.qualtrics ? "qualtrics" : formatOfColumns(header.names));
    return builder.finish({ delimiter: header.delimiter, format, encoding });
  }

  private detectsQualtrics(): boolean {
    return this.options.format === undefined || this.options.format === "qualtrics";
  }

  private start(header: CsvHeader): void {
    this.header = header;
    // A Qualtrics export said to be one whose ImportId row is missing: its question-text row is no respondent.
    const skipRecords = this.options.format === "qualtrics" && !header.qualtrics ? 1 : 0;
    const builder = new SurveyBuilder(this.codebook, header, this.decoder, { ...this.options, skipRecords });
    this.builder = builder;
    const invalid = this.decoder.firstInvalid;
    if (invalid >= 0 && invalid < header.dataStart) this.invalidRow = rowAtOffset(this.pending as Uint8Array, invalid, header.delimiter);
    const scanner: CsvRecordScanner = new CsvRecordScanner(header.delimiter.charCodeAt(0), (bytes, batch) => {
      this.locateInvalid(batch, header.dataStart + scanner.bufferOffset);
      builder.batch(bytes, batch);
    }, {
      fields: header.names.length + 1,
      batchSize: recordsPerBatch(header.names.length + 1, BATCH_SIZE),
      linesBefore: header.lines,
      skipBlankRecords: true,
      describe: { names: header.names, decoder: this.decoder },
    });
    this.scanner = scanner;
    const pending = this.pending as Uint8Array;
    this.pending = undefined;
    this.scanner.push(pending.subarray(header.dataStart));
  }

  /** Finds the row of the first byte that is not UTF-8 among a batch's records (`base`: the offset of their buffer). */
  private locateInvalid(batch: RecordBatch, base: number): void {
    const invalid = this.decoder.firstInvalid;
    if (this.invalidRow !== undefined || invalid < 0) return;
    for (let r = 0; r < batch.count; r++) {
      if (base + (batch.extents[2 * r + 1] as number) <= invalid) continue;
      if (base + (batch.extents[2 * r] as number) <= invalid) this.invalidRow = (batch.linesBefore[r] as number) + 1;
      return;
    }
  }
}

/**
 * A codebook object, its JSON text, or the path/URL of its JSON file.
 *
 * @param codebook - The codebook object, its JSON text, or the path or URL of its file.
 * @returns The codebook, checked (`parseCodebook`).
 * @throws {@link SurveyError} `E_CODEBOOK` for a bad codebook, `E_IO` for a file that cannot be read.
 *
 * @example
 * ```ts
 * import { resolveCodebook } from "svyprop";
 *
 * const codebook = await resolveCodebook('{ "questions": [{ "id": "fb", "column": "fb", "type": "binary", "positive": ["Oui"], "negative": ["Non"] }] }');
 * codebook.questions[0]?.id; // → "fb"
 * ```
 */
export async function resolveCodebook(codebook: Codebook | string | URL): Promise<Codebook> {
  if (typeof codebook !== "string" && !(codebook instanceof URL)) return parseCodebook(codebook);
  const isJsonText = typeof codebook === "string" && codebook.trimStart().startsWith("{");
  const text = isJsonText ? (codebook as string) : await readSourceText(codebook);
  try {
    return parseCodebook(JSON.parse(text));
  } catch (error) {
    if (error instanceof SurveyError) throw error;
    throw new SurveyError("E_CODEBOOK", `the codebook is not valid JSON: ${(error as Error).message}`, {
      ...(isJsonText ? {} : { value: String(codebook) }),
    });
  }
}
