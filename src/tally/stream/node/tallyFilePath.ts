import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { Codebook } from "../../../codebook";
import type { Encoding } from "../../../load/decodeBytes";
import { findRecordStart } from "../../../load/stream/findRecordStart";
import { readHeader, type CsvHeader } from "../../../load/stream/readHeader";
import { fileSize, readFileWindow } from "../../../load/stream/node/readFileRange";
import { textDecoderFor } from "../../../load/stream/textDecoderFor";
import { joinParts, type FileTally } from "../joinParts";
import type { TallyProgress } from "../tallyFile";
import { Utf8Evidence } from "../../../load/Utf8Evidence";
import { runInWorker } from "./runInWorker";
import { tallyFileRange, type FileRangeJob } from "./tallyFileRange";

/** Below this size a file is tallied on one thread unless more workers are asked for. */
const PARALLEL_THRESHOLD = 32 << 20;
/** Bytes read around a split point to find a record boundary. */
const SPLIT_WINDOW = 1 << 16;

export interface FilePathOptions {
  workers?: number;
  delimiter?: string;
  encoding: Encoding;
  chunkSize: number;
  onProgress?: (progress: TallyProgress) => void;
  designTallies: boolean | readonly string[];
  issueLimit?: number;
  by?: string;
}

/**
 * Tallies a CSV file (Node only). With one worker the records are scanned on this thread;
 * with more, the file is cut at likely record boundaries (`findRecordStart`), this thread
 * tallies the first part and worker threads the others, and the parts are joined (`joinParts`). A cut that turns out to
 * lie inside a quoted field — the part before it ends in quotes — makes the whole file be
 * tallied again on this thread, so the result never depends on the number of workers.
 */
export async function tallyFilePath(file: string | URL, codebook: Codebook, options: FilePathOptions): Promise<FileTally & { workers: number }> {
  const path = file instanceof URL ? fileURLToPath(file) : file;
  const size = await fileSize(path);
  const decoder = textDecoderFor(options.encoding);
  const { header, headerEvidence } = await readFileHeader(path, size, decoder, options.delimiter);
  // Respondent ids are compared with every earlier one (`RespondentIds`): one thread sees them all.
  const wanted = codebook.respondentId !== undefined ? 1 : (options.workers ?? (size >= PARALLEL_THRESHOLD ? availableParallelism() : 1));
  const starts = wanted > 1 ? await splitPoints(path, header, size, wanted) : [header.dataStart];
  const jobs: FileRangeJob[] = starts.map((start, i) => ({
    path,
    start,
    end: starts[i + 1] ?? size,
    last: i === starts.length - 1,
    header: { names: header.names, delimiter: header.delimiter },
    codebook,
    encoding: options.encoding,
    chunkSize: options.chunkSize,
    linesBefore: 0,
    designTallies: options.designTallies,
    ...(options.issueLimit === undefined ? {} : { issueLimit: options.issueLimit }),
    ...(options.by === undefined ? {} : { by: options.by }),
  }));
  const progress = progressCounter(header.dataStart, size, options.onProgress);
  if (jobs.length > 1) {
    // This thread counts the first part while worker threads count the others.
    const [first, ...others] = jobs as [FileRangeJob, ...FileRangeJob[]];
    const running = others.map((job) => runInWorker(job, progress));
    const settled = await Promise.allSettled([tallyFileRange(first, progress), ...running]);
    const parts = settled.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    // A part's error is raised again, with its row in file terms, by the single pass below.
    if (parts.length === jobs.length && parts.every((part) => !part.endedInQuotes)) {
      return withHeaderEvidence({ ...joinParts(parts, header.lines, options.issueLimit), workers: jobs.length }, headerEvidence);
    }
    progress.restart();
  }
  const whole: FileRangeJob = { ...(jobs[0] as FileRangeJob), end: size, last: true, linesBefore: header.lines };
  return withHeaderEvidence({ ...joinParts([await tallyFileRange(whole, progress)], 0, options.issueLimit), workers: 1 }, headerEvidence);
}

/** The evidence of the header's bytes (read before any part) joined ahead of the parts'. */
function withHeaderEvidence<T extends FileTally>(tally: T, headerEvidence: Utf8Evidence): T {
  headerEvidence.join(tally.evidence);
  return { ...tally, evidence: headerEvidence };
}

/**
 * The header record, reading a growing window from the start of the file until it holds it, and
 * the encoding evidence of the header's bytes (the parts start after them).
 */
async function readFileHeader(path: string, size: number, decoder: TextDecoder, delimiter?: string): Promise<{ header: CsvHeader; headerEvidence: Utf8Evidence }> {
  for (let length = SPLIT_WINDOW; ; length *= 2) {
    const window = await readFileWindow(path, 0, Math.min(length, size));
    const header = readHeader(window, decoder, delimiter, { atEnd: length >= size });
    if (header) {
      const headerEvidence = new Utf8Evidence();
      headerEvidence.push(window.subarray(0, header.dataStart));
      return { header, headerEvidence };
    }
  }
}

/** Start offsets of up to `parts` parts of the answer records, the first at `header.dataStart`. */
async function splitPoints(path: string, header: CsvHeader, size: number, parts: number): Promise<number[]> {
  const starts = [header.dataStart];
  const delimiter = header.delimiter.charCodeAt(0);
  for (let i = 1; i < parts; i++) {
    const nominal = header.dataStart + Math.floor(((size - header.dataStart) * i) / parts);
    const window = await readFileWindow(path, nominal, Math.min(SPLIT_WINDOW, size - nominal));
    const found = findRecordStart(window, 0, delimiter);
    const start = nominal + found;
    if (found >= 0 && start > (starts[starts.length - 1] as number) && start < size) starts.push(start);
  }
  return starts;
}

/** Sums bytes read across workers and reports them; `restart` starts over for a second pass. */
function progressCounter(headerBytes: number, totalBytes: number, onProgress?: (progress: TallyProgress) => void) {
  let bytesRead = headerBytes;
  const count = (bytes: number) => {
    bytesRead += bytes;
    onProgress?.({ bytesRead, totalBytes });
  };
  return Object.assign(count, { restart: () => void (bytesRead = headerBytes) });
}
