import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

/** z = Φ⁻¹(1 − α/2) for a two-sided interval at `level` = 1 − α. */
export function twoSidedZ(level: number): number {
  return normalQuantile(1 - (1 - level) / 2, 0, 1);
}

/** t = F⁻¹(1 − α/2; df) for a two-sided interval at `level` = 1 − α (Student's t, `df` > 0). */
export function twoSidedT(level: number, df: number): number {
  return tQuantile(1 - (1 - level) / 2, df);
}
