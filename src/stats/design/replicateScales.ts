import type { ReplicateType } from "../../codebook";
import { argumentError } from "../../errors";

/** A replicate design's type and the multipliers its codebook gives, if any. */
export interface ReplicateScaleSettings {
  /** How the replicates were made (R `svrepdesign(type = …)`). */
  type: ReplicateType;
  /** Number of replicate weight columns R. */
  count: number;
  /** Overall multiplier, when given (default per type). */
  scale?: number;
  /** Per-replicate multipliers, when given: one for all, or one per replicate (default 1). */
  rscales?: number | readonly number[];
  /** Fay's coefficient (type "Fay" only). */
  rho?: number;
}

/**
 * The multipliers of the replicate variance V = scale · Σ_r rscales_r (θ_r − θ̄)², defaulted per
 * type as R survey's `svrepdesign` (4.1-1, `combined.weights = TRUE`): BRR scale 1/R; Fay
 * 1/(R(1 − rho)²); JK1 (R − 1)/R; bootstrap 1/(R − 1); successive-difference and ACS 4/R with
 * rscales 1; JKn and other scale 1. rscales default to 1 (JKn has no default with combined weights).
 *
 * @param settings - The replicate type, the number of replicates, and the multipliers the codebook gives.
 * @returns The overall multiplier and one multiplier per replicate.
 * @throws {@link SurveyError} `E_ARGUMENT` for rscales of the wrong length, a missing rho for Fay, or JKn without rscales.
 *
 * @example
 * ```ts
 * import { replicateScales } from "svyprop";
 *
 * // JK1 with R = 4 replicates: (R − 1)/R.
 * replicateScales({ type: "JK1", count: 4 }); // → { scale: 0.75, rscales: [1, 1, 1, 1] }
 * ```
 */
export function replicateScales(settings: ReplicateScaleSettings): {
  /** The overall multiplier. */
  scale: number;
  /** One multiplier per replicate. */
  rscales: Float64Array;
} {
  const { type, count, rho } = settings;
  const fixed = (): number | undefined => {
    switch (type) {
      case "BRR":
        return 1 / count;
      case "Fay":
        if (rho === undefined) throw argumentError("rho", "is required for Fay replicate weights");
        return 1 / (count * (1 - rho) ** 2);
      case "successive-difference":
      case "ACS":
        return 4 / count;
      default:
        return undefined;
    }
  };
  const defaultScale = type === "JK1" ? (count - 1) / count : type === "bootstrap" ? 1 / (count - 1) : 1;
  const scale = fixed() ?? settings.scale ?? defaultScale;
  const given = type === "successive-difference" || type === "ACS" ? undefined : settings.rscales;
  if (given === undefined && type === "JKn") throw argumentError("rscales", "are required for JKn replicate weights (as R's svrepdesign with combined weights)");
  const rscales = new Float64Array(count).fill(typeof given === "number" ? given : 1);
  if (Array.isArray(given)) {
    if (given.length !== count) throw argumentError("rscales", `must have one entry per replicate (${count})`, given.length);
    rscales.set(given);
  }
  return { scale, rscales };
}
