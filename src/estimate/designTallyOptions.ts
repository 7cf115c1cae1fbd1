import type { Codebook } from "../codebook";
import { samplingStages } from "../codebook/samplingStages";
import type { DesignColumnNames, LonelyPsu } from "../tally";

/**
 * What the design computations on a codebook's tallies read from the codebook: the design's
 * column names (for errors that name a column) and its single-PSU rule, unless `lonelyPsu` overrides it.
 *
 * @param codebook - The codebook the tallies were built from.
 * @param lonelyPsu - A single-PSU rule overriding the codebook's `design.lonelyPsu`.
 * @returns The column names and the single-PSU rule (absent: R's "fail").
 */
export function designTallyOptions(codebook: Codebook, lonelyPsu: LonelyPsu | undefined): { names: DesignColumnNames; lonelyPsu?: LonelyPsu } {
  const { weights, strata } = codebook.design ?? {};
  const [{ cluster, fpc }] = samplingStages(codebook.design ?? {});
  const rule = lonelyPsu ?? codebook.design?.lonelyPsu;
  return { names: { weights, strata, cluster, ...(typeof fpc === "string" ? { fpc } : {}) }, ...(rule === undefined ? {} : { lonelyPsu: rule }) };
}
