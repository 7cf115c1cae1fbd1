import type { Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { whyRowsAreNeeded, type EstimatesAsked } from "../estimate/whyRowsAreNeeded";

/**
 * The engine `--stream` asks `estimateSource` for: streaming (refused with the reason, exit 2,
 * when the estimates asked need every row), or else "auto" (files over 32 MiB stream when they can).
 */
export function streamOption(stream: boolean | undefined, codebook: Codebook, asked: EstimatesAsked): true | "auto" {
  if (!stream) return "auto";
  const rowsNeeded = whyRowsAreNeeded(codebook, asked);
  if (rowsNeeded !== undefined) throw new SurveyError("E_ARGUMENT", `--stream cannot be used here: ${rowsNeeded}; drop --stream`);
  return true;
}
