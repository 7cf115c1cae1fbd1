import { CsvRecordScanner } from "./CsvRecordScanner";
import { decodeField } from "./decodeField";

/**
 * The fields of one whole CSV record held in `bytes` (its line ending optional), decoded and
 * unquoted; undefined for a blank line. For the rare records read whole: the header, and a
 * ragged record quoted in a report.
 */
export function decodeRecord(bytes: Uint8Array, delimiter: string, decoder: TextDecoder): string[] | undefined {
  let fields: string[] | undefined;
  const scanner = new CsvRecordScanner(
    delimiter.charCodeAt(0),
    (record, { bounds, fieldCounts }) => {
      // One record per batch: field f's bounds are at 2 * f.
      fields = Array.from({ length: fieldCounts[0] as number }, (_, f) =>
        decodeField(record, bounds[2 * f] as number, bounds[2 * f + 1] as number, decoder),
      );
    },
    { fields: bytes.length + 1, batchSize: 1, initialBufferSize: bytes.length },
  );
  scanner.push(bytes);
  scanner.finish();
  return fields;
}
