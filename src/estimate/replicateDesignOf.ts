import { replicateScales, type ReplicateDesign } from "../stats/design";
import type { DesignColumns } from "../survey";

/**
 * The replicate design a survey's design columns describe (weights, replicate columns, and the
 * scale and rscales R's `svrepdesign` would use), or undefined when it has no replicate weights.
 */
export function replicateDesignOf(design: DesignColumns): ReplicateDesign | undefined {
  const replicates = design.replicates;
  if (replicates === undefined) return undefined;
  const { scale, rscales } = replicateScales({ ...replicates, count: replicates.weights.length });
  return { weights: design.weights!, replicates: replicates.weights, scale, rscales, mse: replicates.mse ?? false };
}
