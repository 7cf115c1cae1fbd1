import { describe, expect, it } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import { CsvRecordScanner } from "../../../src/load/stream/CsvRecordScanner";
import { decodeField } from "../../../src/load/stream/decodeField";
import { findRecordStart } from "../../../src/load/stream/findRecordStart";

/** Every record the scanner finds in `bytes` fed in chunks of `chunkSize`, fields decoded, with its row. */
function scan(bytes: Uint8Array, chunkSize: number): Array<{ fields: string[]; row: number }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const records: Array<{ fields: string[]; row: number }> = [];
  const scanner = new CsvRecordScanner(
    ",".charCodeAt(0),
    (chunk, batch) => {
      for (let r = 0; r < batch.count; r++) {
        const fields = Array.from({ length: batch.fieldCounts[r] as number }, (_, f) => {
          const at = 2 * (f * batch.capacity + r);
          return decodeField(chunk, batch.bounds[at] as number, batch.bounds[at + 1] as number, decoder);
        });
        records.push({ fields, row: (batch.linesBefore[r] as number) + 1 });
      }
    },
    { fields: 16, batchSize: 3, initialBufferSize: 8 },
  );
  for (let i = 0; i < bytes.length; i += chunkSize) scanner.push(bytes.subarray(i, i + chunkSize));
  scanner.finish();
  return records;
}

const text = fc.array(fc.constantFrom("a", "é", "€", "😀", " ", ",", '"', "\n", "\r\n", "1"), { maxLength: 8 }).map((parts) => parts.join(""));
const csvField = text.map((value) => (/[",\r\n]/.test(value) || value.startsWith(" ") ? `"${value.replaceAll('"', '""')}"` : value));
const csvFile = fc
  .array(fc.array(csvField, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.constantFrom("\n", "\r\n"), fc.boolean()))
  .map(([rows, newline, finalNewline]) => rows.map((row) => row.join(",")).join(newline) + (finalNewline ? newline : ""));

describe("CsvRecordScanner", () => {
  it("finds papaparse's records and fields, whatever the chunk size", () => {
    fc.assert(
      fc.property(csvFile, fc.integer({ min: 1, max: 9 }), (csv, chunkSize) => {
        const expected = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true, delimiter: "," }).data;
        const records = scan(new TextEncoder().encode(csv), chunkSize);
        expect(records.map((record) => record.fields)).toEqual(expected);
      }),
    );
  });

  it("gives each record the spreadsheet row a blank line or a quoted line break leaves it on", () => {
    const records = scan(new TextEncoder().encode('h\n\na\n"b\nc"\n\nd'), 2);
    expect(records).toEqual([
      { fields: ["h"], row: 1 },
      { fields: ["a"], row: 3 },
      { fields: ["b\nc"], row: 4 },
      { fields: ["d"], row: 6 },
    ]);
  });
});

describe("findRecordStart", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const comma = ",".charCodeAt(0);

  it("cuts after the first line break when the next quote opens a field", () => {
    expect(findRecordStart(bytes('xx\n1,"a"\n'), 0, comma)).toBe(3);
  });

  it("skips a line break that the next quote shows to be inside a quoted field", () => {
    const window = bytes('ne\nline",2\n3,4\n');
    expect(findRecordStart(window, 0, comma)).toBe(window.indexOf(10, 4) + 1);
  });

  it("says when the window has no line break", () => {
    expect(findRecordStart(bytes("abc"), 0, comma)).toBe(-1);
  });
});
