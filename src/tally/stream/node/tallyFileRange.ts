import type { Codebook } from "../../../codebook";
import type { Encoding } from "../../../load/decodeBytes";
import type { CsvHeader } from "../../../load/stream/readHeader";
import { readFileRange } from "../../../load/stream/node/readFileRange";
import { textDecoderFor } from "../../../load/stream/textDecoderFor";
import { tallyChunks, type ChunkTally } from "../tallyChunks";

/** One part of a file to tally: a byte range starting at a record boundary (Node only). */
export interface FileRangeJob {
  path: string;
  start: number;
  end: number;
  /** Whether the range runs to the end of the file (only the last part must end outside quotes). */
  last: boolean;
  header: Pick<CsvHeader, "names" | "delimiter">;
  codebook: Codebook;
  encoding: Encoding;
  chunkSize: number;
  /** Line breaks before `start`, when known (rows in the result count from there); 0 otherwise. */
  linesBefore: number;
  /** Also tally the codebook's design (see `TallyFileOptions.designTallies`). */
  designTallies: boolean | readonly string[];
  /** Problems listed per question and code (`IssueLog`). */
  issueLimit?: number;
  /** Also tally each categorical question split by this grouping question (see `TallyFileOptions.by`). */
  by?: string;
}

/** Tallies the records of one byte range of a file; rows count from the range's first line. */
export function tallyFileRange(job: FileRangeJob, onChunk?: (bytes: number) => void): Promise<ChunkTally> {
  return tallyChunks(readFileRange(job.path, job.start, job.end, job.chunkSize), job.codebook, {
    decoder: textDecoderFor(job.encoding),
    header: job.header,
    partOfFile: !job.last,
    linesBefore: job.linesBefore,
    designTallies: job.designTallies,
    startOffset: job.start,
    ...(job.issueLimit === undefined ? {} : { issueLimit: job.issueLimit }),
    ...(job.by === undefined ? {} : { by: job.by }),
    ...(onChunk ? { onChunk } : {}),
  });
}
