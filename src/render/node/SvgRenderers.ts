import { availableParallelism } from "node:os";
import { setImmediate } from "node:timers/promises";
import type { Worker } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { startWorker } from "../../tally/stream/node/startWorker";
import { deserializeError, type SerializedError } from "../../tally/stream/node/workerMessages";
import { renderSvg } from "../renderSvg";
import { loadVega } from "../renderView";
import { withoutOptimizingCompiler } from "./withoutOptimizingCompiler";

type Reply = { id: number; svg: string } | { id: number; error: SerializedError };

/**
 * Draws many Vega-Lite specs as SVG on every core (Node only): on this thread and on one worker
 * thread per other core, each taking the next spec when it is done with one (a worker holds two,
 * so it never waits for this thread to hand it one). Started before the
 * specs are known, so vega loads on every thread while the caller works (`report` tallies the
 * file meanwhile). Each SVG is `renderSvg`'s, whichever thread draws it. `close` ends the threads.
 */
export class SvgRenderers {
  private readonly waiting = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  /** Why a worker stopped, if one did: nothing more is sent to the threads. */
  private failure: Error | undefined;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on("message", (reply: Reply) => {
        const pending = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if ("svg" in reply) pending?.resolve(reply.svg);
        else pending?.reject(deserializeError(reply.error));
      });
      worker.on("error", (error) => this.failAll(error));
      worker.on("exit", (code) => this.failAll(new Error(`render worker stopped (exit code ${code}) before it finished`)));
    }
  }

  /** Starts loading vega here and on `threads - 1` worker threads (default: one thread per core). */
  static start(threads = availableParallelism()): SvgRenderers {
    void loadVega().catch(() => undefined); // a failure shows when the first spec is drawn
    return new SvgRenderers(Array.from({ length: Math.max(0, threads - 1) }, () => startWorker(import.meta.url, "renderWorker")));
  }

  /** The SVG of each spec, in their order, drawn without V8's optimizing compiler (`withoutOptimizingCompiler`). */
  async renderAll(specs: readonly TopLevelSpec[]): Promise<string[]> {
    const svgs: string[] = new Array(specs.length);
    let next = 0;
    const drawer = async (draw: (spec: TopLevelSpec) => Promise<string>): Promise<void> => {
      while (next < specs.length) {
        const index = next++;
        svgs[index] = await draw(specs[index] as TopLevelSpec);
      }
    };
    // This thread gives way after each chart, so that the workers' replies are read and they get
    // their next spec; each worker has two specs in hand, so it never waits for this thread.
    const here = async (spec: TopLevelSpec) => {
      const svg = await renderSvg(spec);
      await setImmediate();
      return svg;
    };
    // Too short a run for TurboFan's compiles to pay (see withoutOptimizingCompiler).
    await withoutOptimizingCompiler(() =>
      Promise.all([drawer(here), ...this.workers.flatMap((worker) => [1, 2].map(() => drawer((spec) => this.onWorker(worker, spec))))]),
    );
    return svgs;
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    this.failure ??= new Error("the render workers are closed");
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private onWorker(worker: Worker, spec: TopLevelSpec): Promise<string> {
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, spec });
    });
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}
