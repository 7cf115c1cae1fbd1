import type { Codebook } from "../../codebook";
import { requireColumns } from "../../survey/indexColumns";

/**
 * Where the columns the codebook reads sit in a streamed batch: the scanner keeps the bounds of
 * those fields alone (`keep`), in this order, so per-record memory grows with the columns read,
 * not with the file's width.
 */
export interface ColumnPlaces {
  /** Column name → its place among the kept fields (the `k` of `RecordBatch.bounds`). */
  place: ReadonlyMap<string, number>;
  /** The field numbers kept, in place order (the scanner's `keep`). */
  fields: number[];
}

/** The places of the codebook's columns in a file with this header (`requireColumns` refuses a missing or duplicated one — a design's too — as the in-memory path does). */
export function columnPlaces(header: readonly string[], codebook: Codebook): ColumnPlaces {
  const fieldOf = requireColumns(header, codebook);
  return { place: new Map([...fieldOf.keys()].map((name, place) => [name, place])), fields: [...fieldOf.values()] };
}
