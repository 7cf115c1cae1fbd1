import { Worker } from "node:worker_threads";
import type { ChunkTally } from "../tallyChunks";
import type { FileRangeJob } from "./tallyFileRange";
import { deserializeError, type WorkerMessage } from "./workerMessages";

/**
 * Tallies a file range on a worker thread (Node only); the thread ends with the job. From the
 * built package the worker is `tallyWorker.js` beside the bundle (its own tsup entry); from the
 * TypeScript sources (vitest, tsx) it is `tallyWorker.ts`, loaded through tsx's module hooks:
 * tsx must then be resolvable from the working directory (the project root).
 */
export function runInWorker(job: FileRangeJob, onChunk: (bytes: number) => void): Promise<ChunkTally> {
  const worker = startWorker(job);
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

function startWorker(job: FileRangeJob): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./tallyWorker.js", import.meta.url), { workerData: job });
  const entry = new URL("./tallyWorker.ts", import.meta.url).href;
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}
