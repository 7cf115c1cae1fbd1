import type { DesignSpec } from "./types";

/** One stage of a design's sampling: its cluster column (absent when the units are the rows) and its fpc. */
export interface SamplingStage {
  cluster?: string;
  fpc?: string | number;
}

/**
 * A design's stages of sampling, PSUs first: `cluster` and `fpc` given as arrays (one entry a
 * stage, R `svydesign(ids = ~psu + ssu, fpc = ~fpc1 + fpc2)`) zipped stage by stage, or the one
 * stage a single `cluster` (or none: every row its own unit) and `fpc` describe.
 */
export function samplingStages(design: DesignSpec): [SamplingStage, ...SamplingStage[]] {
  const { cluster, fpc } = design;
  if (Array.isArray(cluster) && cluster.length > 0) {
    const stages = cluster.map((column, k) => {
      const population = Array.isArray(fpc) ? fpc[k] : undefined;
      return population === undefined ? { cluster: column } : { cluster: column, fpc: population };
    });
    return stages as [SamplingStage, ...SamplingStage[]];
  }
  return [{ ...(typeof cluster === "string" ? { cluster } : {}), ...(fpc === undefined || Array.isArray(fpc) ? {} : { fpc }) }];
}
