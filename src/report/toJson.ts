import type { Estimate } from "../types";
import { orderedEstimate } from "./estimateRecord";

/**
 * The rows as JSON with a stable key order (the `Estimate` fields in the order of the type in
 * docs/architecture.md, group keys sorted), so two runs on the same data give byte-identical files that diff cleanly.
 */
export function toJson(rows: readonly Estimate[], options: { indent?: number } = {}): string {
  return `${JSON.stringify(rows.map(orderedEstimate), null, options.indent ?? 2)}\n`;
}
