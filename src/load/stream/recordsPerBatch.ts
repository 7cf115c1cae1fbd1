/** Field bounds (records × fields kept) a scanner batch holds at most: 2²⁰ pairs of Int32, 8 MB. */
const BOUNDS_PER_BATCH = 1 << 20;
/** Records a batch holds at least, however wide the file. */
const MIN_RECORDS = 16;

/**
 * Records per `CsvRecordScanner` batch when each record keeps `fields` fields: `most` for an
 * ordinary file, fewer for a wide one, so that a batch's bounds stay near 8 MB (at 1024 records a
 * batch, a file of a million columns would take 8 GB of bounds).
 */
export function recordsPerBatch(fields: number, most: number): number {
  return Math.max(MIN_RECORDS, Math.min(most, Math.floor(BOUNDS_PER_BATCH / Math.max(1, fields))));
}
