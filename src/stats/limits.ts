/** Lower and upper confidence limits, before any clipping. */
export interface Limits {
  lower: number;
  upper: number;
}

/** Clips both limits to [0, 1], the range of a proportion. */
export function clipToUnit({ lower, upper }: Limits): Limits {
  return { lower: Math.min(1, Math.max(0, lower)), upper: Math.min(1, Math.max(0, upper)) };
}
