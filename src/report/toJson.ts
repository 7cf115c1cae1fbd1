import type { Estimate } from "../types";
import { orderedEstimate } from "./estimateRecord";

/**
 * The rows as JSON with a stable key order (the `Estimate` fields in the order of the type in
 * docs/architecture.md, group keys sorted), so two runs on the same data give byte-identical files that diff cleanly.
 *
 * @param rows - The estimates.
 * @param options - `indent`: spaces per level (default 2).
 * @returns The JSON text of the array of rows.
 *
 * @example
 * ```ts
 * import { estimate, loadDataset, toJson } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * JSON.parse(toJson(estimate(survey, "real_name")))[0]; // → { question: "real_name", count: 138, base: 140 }
 * ```
 */
export function toJson(rows: readonly Estimate[], options: { indent?: number } = {}): string {
  return `${JSON.stringify(rows.map(orderedEstimate), null, options.indent ?? 2)}\n`;
}
