import type { Codebook } from "../../codebook";
import { SurveyError } from "../../errors";
import { concatBytes } from "../../load/stream/concatBytes";
import { CsvRecordScanner, type RecordBatch } from "../../load/stream/CsvRecordScanner";
import { readHeader, type CsvHeader } from "../../load/stream/readHeader";
import { Utf8Evidence } from "../../load/Utf8Evidence";
import { StreamTallier, type PartTally } from "./StreamTallier";

/** Records coded and counted together: large enough to amortise per-batch work, small enough to stay in cache. */
const BATCH_SIZE = 1024;

/** How to read one stream of CSV bytes. */
export interface ChunkTallyOptions {
  decoder: TextDecoder;
  /**
   * The file's header, when the bytes start after it (a part of a split file). Without it, the
   * stream's first record is the header, and the delimiter is sniffed from it unless given.
   */
  header?: Pick<CsvHeader, "names" | "delimiter">;
  delimiter?: string;
  /** Line breaks before the stream's first byte: rows in the result count from there. */
  linesBefore?: number;
  /** A part of a split file may end inside a quoted field: report it instead of failing. */
  partOfFile?: boolean;
  /** Called after each chunk with its size in bytes. */
  onChunk?: (bytes: number) => void;
  /** Also tally the codebook's design (see `TallyFileOptions.designTallies`). */
  designTallies?: boolean;
  /** Offset of the stream's first byte in its file, for the offsets of the encoding evidence. */
  startOffset?: number;
  /** Problems listed per question and code (`IssueLog`). */
  issueLimit?: number;
  /** Also tally each categorical question split by this grouping question (see `TallyFileOptions.by`). */
  by?: string;
}

/** `Utf8Evidence`'s findings, as they cross a thread boundary. */
type EncodingEvidence = Pick<Utf8Evidence, "firstInvalid" | "invalidByte" | "multibyte" | "firstNul">;

/** A stream's tallies, plus what a caller joining parts of a file needs. */
export interface ChunkTally extends PartTally {
  /** Line breaks outside quotes in the stream (not counting `linesBefore`). */
  lineBreaks: number;
  /** Whether the stream ended inside a quoted field (only with `partOfFile`). */
  endedInQuotes: boolean;
  /** What the bytes say about their encoding (`chooseEncoding`'s rule decides on the whole file's). */
  evidence: EncodingEvidence;
  /** The delimiter the records were read with. */
  delimiter: string;
}

/**
 * Tallies a stream of CSV bytes in one pass and bounded memory: `CsvRecordScanner` finds the
 * records, `StreamTallier` codes and counts them. Rows in the result are spreadsheet rows
 * counted from `linesBefore`. An error of the tallier (a codebook column the file lacks, a bad
 * weight) is kept until every byte is scanned, so that what the bytes say comes first.
 */
export async function tallyChunks(chunks: AsyncIterable<Uint8Array>, codebook: Codebook, options: ChunkTallyOptions): Promise<ChunkTally> {
  let scanner: CsvRecordScanner | undefined;
  let tallier: StreamTallier | undefined;
  /** The tallier's error (a column the file lacks, a bad weight): thrown once every byte is scanned. */
  let refusal: SurveyError | undefined;
  let records = 0;
  let pending: Uint8Array | undefined;
  let headerLines = 0;
  let delimiter = options.header?.delimiter ?? ",";
  const evidence = new Utf8Evidence(options.startOffset ?? 0);
  const refuse = (error: unknown): void => {
    if (!(error instanceof SurveyError)) throw error;
    refusal = error;
    tallier = undefined;
  };
  const start = (header: Pick<CsvHeader, "names" | "delimiter">): CsvRecordScanner => {
    delimiter = header.delimiter;
    try {
      tallier = new StreamTallier(codebook, header.names, header.delimiter, options.decoder, BATCH_SIZE, options.designTallies === true, options.issueLimit, options.by);
    } catch (error) {
      refuse(error);
    }
    const onBatch = (bytes: Uint8Array, batch: RecordBatch): void => {
      records += batch.count;
      try {
        tallier?.batch(bytes, batch);
      } catch (error) {
        refuse(error);
      }
    };
    // Refused, the records are still scanned (for the file's own errors) but no field is kept.
    return new CsvRecordScanner(header.delimiter.charCodeAt(0), onBatch, {
      keep: tallier?.keptFields ?? [],
      batchSize: tallier?.batchSize ?? BATCH_SIZE,
      linesBefore: (options.linesBefore ?? 0) + headerLines,
      skipBlankRecords: true,
      describe: { names: header.names, decoder: options.decoder },
    });
  };
  if (options.header) scanner = start(options.header);

  for await (const chunk of chunks) {
    options.onChunk?.(chunk.length);
    evidence.push(chunk);
    if (scanner) {
      scanner.push(chunk);
      continue;
    }
    // Gather bytes until the header record is complete.
    pending = pending ? concatBytes(pending, chunk) : chunk.slice();
    const header = readHeader(pending, options.decoder, options.delimiter);
    if (!header) continue;
    headerLines = header.lines;
    scanner = start(header);
    scanner.push(pending.subarray(header.dataStart));
    pending = undefined;
  }
  if (!scanner) {
    const header = readHeader(pending ?? new Uint8Array(0), options.decoder, options.delimiter, { atEnd: true }) as CsvHeader;
    headerLines = header.lines;
    scanner = start(header);
    scanner.push((pending as Uint8Array).subarray(header.dataStart));
  }
  const end = scanner.finish({ allowOpenQuote: options.partOfFile === true });
  // As in memory, the file's own errors come first (an unterminated quote, above), then `E_NO_ROWS`
  // (a header alone: no tallies, `tallyFile` refuses it), then the codebook's columns and the design's cells.
  if (refusal !== undefined && records > 0) throw refusal;
  const part = tallier?.finish() ?? { tallies: new Map(), accounts: {}, issues: [], rowsRead: 0 };
  const { firstInvalid, invalidByte, multibyte, firstNul } = options.partOfFile ? evidence : evidence.finish();
  return { ...part, lineBreaks: end.lineBreaks + headerLines, endedInQuotes: end.endedInQuotes, evidence: { firstInvalid, invalidByte, multibyte, firstNul }, delimiter };
}
