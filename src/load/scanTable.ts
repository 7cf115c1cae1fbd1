import { CsvRecordScanner } from "./stream/CsvRecordScanner";
import { decodeField } from "./stream/decodeField";
import { decodeRecord } from "./stream/decodeRecord";
import { readHeader } from "./stream/readHeader";
import { recordsPerBatch } from "./stream/recordsPerBatch";
import type { CsvTable } from "./parseCsv";

/** Bytes handed to the scanner at a time, so it never holds a second copy of the file. */
const SLICE = 1 << 20;

/**
 * Bytes → table of raw cells, with the scanner and header reader of the stream (`readHeader`,
 * `CsvRecordScanner`), so the in-memory and streamed paths split records, skip blank lines,
 * number rows and report a bad quote by one set of rules. Rows keep their cells as decoded;
 * the header names are trimmed. Platform exports are left as they are (see `normalizeExport`).
 */
export function scanTable(bytes: Uint8Array, decoder: TextDecoder, delimiter?: string): CsvTable {
  const header = readHeader(bytes, decoder, delimiter, { atEnd: true, detectExport: false });
  if (!header) throw new Error("unreachable: readHeader at the end of the bytes returns a header or throws");
  const chosen = header.delimiter;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const scanner = new CsvRecordScanner(
    chosen.charCodeAt(0),
    (data, batch) => {
      const { bounds, capacity, fields, fieldCounts, extents, linesBefore } = batch;
      for (let r = 0; r < batch.count; r++) {
        const count = fieldCounts[r] as number;
        const cells =
          count <= fields
            ? Array.from({ length: count }, (_, f) => decodeField(data, bounds[2 * (f * capacity + r)] as number, bounds[2 * (f * capacity + r) + 1] as number, decoder))
            : (decodeRecord(data.subarray(extents[2 * r] as number, extents[2 * r + 1] as number), chosen, decoder) ?? []);
        rows.push(cells);
        rowNumbers.push((linesBefore[r] as number) + 1);
      }
    },
    { fields: header.names.length + 1, batchSize: recordsPerBatch(header.names.length + 1, 1024), initialBufferSize: SLICE, linesBefore: header.lines, skipBlankRecords: true, describe: { names: header.names, decoder } },
  );
  for (let start = header.dataStart; start < bytes.length; start += SLICE) scanner.push(bytes.subarray(start, Math.min(start + SLICE, bytes.length)));
  scanner.finish();
  return { header: header.names, rows, rowNumbers, delimiter: chosen };
}

/** The spreadsheet row holding byte `offset` of CSV bytes: line breaks outside quotes before it, plus one. */
export function rowAtOffset(bytes: Uint8Array, offset: number, delimiter: string): number {
  const scanner = new CsvRecordScanner(delimiter.charCodeAt(0), () => {}, { fields: 1, batchSize: 1024, initialBufferSize: SLICE });
  for (let start = 0; start < offset; start += SLICE) scanner.push(bytes.subarray(start, Math.min(start + SLICE, offset)));
  return scanner.finish({ allowOpenQuote: true }).lineBreaks + 1;
}
