import { Worker } from "node:worker_threads";

/**
 * Starts the worker-thread entry `name` that sits beside the module at `moduleUrl` (Node only).
 * From the built package it is `name.js` beside the bundle (its own tsup entry); from the
 * TypeScript sources (vitest, tsx) it is `name.ts`, loaded through tsx's module hooks: tsx must
 * then be resolvable from the working directory (the project root).
 */
export function startWorker(moduleUrl: string, name: string, workerData?: unknown): Worker {
  if (!moduleUrl.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, moduleUrl), { workerData });
  const entry = new URL(`./${name}.ts`, moduleUrl).href;
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
