/**
 * Worker-thread entry (Node only): tallies the byte range it is given and posts the result,
 * progress messages on the way, or the error it met. Started by `runInWorker`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { tallyFileRange, type FileRangeJob } from "./tallyFileRange";
import { serializeError } from "./workerMessages";

const port = parentPort;
if (port) {
  tallyFileRange(workerData as FileRangeJob, (bytes) => port.postMessage({ type: "progress", bytes })).then(
    (result) => port.postMessage({ type: "done", result }),
    (error: unknown) => port.postMessage({ type: "error", error: serializeError(error) }),
  );
}
