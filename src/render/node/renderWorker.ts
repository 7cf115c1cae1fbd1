/**
 * Worker-thread entry (Node only): loads vega at once, then draws each spec it is sent as SVG
 * (`renderSvg`) and posts it back with its number, or the error it met. Started by `SvgRenderers`.
 */
import { parentPort } from "node:worker_threads";
import type { TopLevelSpec } from "vega-lite";
import { serializeError } from "../../tally/stream/node/workerMessages";
import { renderSvg } from "../renderSvg";
import { loadVega } from "../renderView";

const port = parentPort;
if (port) {
  void loadVega().catch(() => undefined); // a failure shows when the first spec is drawn
  port.on("message", ({ id, spec }: { id: number; spec: TopLevelSpec }) => {
    renderSvg(spec).then(
      (svg) => port.postMessage({ id, svg }),
      (error: unknown) => port.postMessage({ id, error: serializeError(error) }),
    );
  });
}
