/**
 * The date stamped in a generated document: SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) when set, so a script can make byte-identical files; else now.
 */
export function documentDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}
