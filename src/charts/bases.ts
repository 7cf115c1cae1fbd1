import type { ChartDatum } from "./chartData";

/** The label that names a bar and can carry its base: its item, or its group. */
export type BaseSlot = "item" | "group";

/**
 * Shows each bar's base (n) where a reader finds it without a table: nowhere in the data when
 * one base holds for every bar (the caption then says "n = 140"); in the `slot` label when the
 * base is constant there ("Residents (n = 152)"); otherwise in each value label ("97% (n = 114)").
 */
export function placeBases(data: readonly ChartDatum[], slot: BaseSlot): ChartDatum[] {
  if (new Set(data.map((datum) => datum.base)).size === 1) return [...data];
  const basesBySlot = new Map<string, Set<number>>();
  for (const datum of data) basesBySlot.set(datum[slot], (basesBySlot.get(datum[slot]) ?? new Set()).add(datum.base));
  if ([...basesBySlot.values()].every((bases) => bases.size === 1)) {
    return data.map((datum) => ({ ...datum, [slot]: `${datum[slot]} (${datum.baseText})` }));
  }
  return data.map((datum) => ({ ...datum, label: `${datum.label} (${datum.baseText})` }));
}
