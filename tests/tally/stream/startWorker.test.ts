import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readHeader } from "../../../src/load/stream/readHeader";
import { textDecoderFor } from "../../../src/load/stream/textDecoderFor";
import { startWorker } from "../../../src/tally/stream/node/startWorker";
import { tallyFileRange, type FileRangeJob } from "../../../src/tally/stream/node/tallyFileRange";
import type { WorkerMessage } from "../../../src/tally/stream/node/workerMessages";
import { fixtureCodebook, fixtureCsv } from "../../bench/surveyFixture";
import { repoRoot } from "../../paths";

const folder = mkdtempSync(join(tmpdir(), "svyprop-start-worker-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What the worker posts last: its tally, or the error it met. */
function lastMessage(job: FileRangeJob): Promise<WorkerMessage> {
  // The real startWorker (this test imports it; the sources' imports get the bundled one, see vitest.config.ts),
  // given a module URL in src/ as runInWorker passes it: the entry is a .ts file, started through tsx.
  const worker = startWorker(pathToFileURL(join(repoRoot, "src/tally/stream/node/runInWorker.ts")).href, "tallyWorker", job);
  return new Promise<WorkerMessage>((resolve, reject) => {
    worker.on("message", (message: WorkerMessage) => {
      if (message.type !== "progress") resolve(message);
    });
    worker.on("error", reject);
  }).finally(() => void worker.terminate());
}

describe("startWorker from the TypeScript sources", () => {
  it("starts the tally worker through tsx, and it tallies a file range as this thread does", async () => {
    const path = join(folder, "survey.csv");
    writeFileSync(path, fixtureCsv({ rows: 300, seed: 7, problems: true }));
    const header = readHeader(readFileSync(path), textDecoderFor("utf-8"))!;
    const job: FileRangeJob = {
      path,
      start: 0,
      end: statSync(path).size,
      last: true,
      header: { names: header.names, delimiter: header.delimiter },
      codebook: fixtureCodebook(),
      encoding: "utf-8",
      chunkSize: 4096,
      linesBefore: 0,
      designTallies: false,
    };
    const message = await lastMessage(job);
    expect(message).toEqual({ type: "done", result: await tallyFileRange(job) });
  });
});
