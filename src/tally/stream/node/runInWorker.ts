import type { ChunkTally } from "../tallyChunks";
import type { FileRangeJob } from "./tallyFileRange";
import { startWorker } from "./startWorker";
import { deserializeError, type WorkerMessage } from "./workerMessages";

/** Tallies a file range on a worker thread, `tallyWorker` (Node only); the thread ends with the job. */
export function runInWorker(job: FileRangeJob, onChunk: (bytes: number) => void): Promise<ChunkTally> {
  const worker = startWorker(import.meta.url, "tallyWorker", job);
  return new Promise<ChunkTally>((resolve, reject) => {
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onChunk(message.bytes);
      else if (message.type === "done") resolve(message.result);
      else reject(deserializeError(message.error));
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`tally worker stopped (exit code ${code}) before it finished`)));
  }).finally(() => void worker.terminate());
}
