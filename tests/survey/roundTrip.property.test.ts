import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import { loadSurvey } from "../../src/survey";
import { talliesOf } from "./talliesOf";

/**
 * Answers a French survey export may hold: accents, delimiters, quotes and line breaks inside
 * cells. Every non-ASCII character is in Windows-1252 and, there, a byte that cannot start valid
 * UTF-8 followed by ASCII, so a Windows-1252 file is never mistaken for UTF-8 when sniffed.
 */
const VALUES = ["Oui", "Non", "Ne sait pas", "Pédiatrie", "déjà vu", "a,b", "x;y", "t\tu", 'dit "non"', "ligne\nsuivante", "deux\r\nlignes", "ç", "über", "1,5", ""];
const COLUMNS = ["q1", "Q 2", "avis_général", "__proto__", "constructor"];

const table = fc
  .integer({ min: 1, max: COLUMNS.length })
  .chain((width) =>
    fc.record({
      header: fc.shuffledSubarray(COLUMNS, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(fc.constantFrom(...VALUES), { minLength: width, maxLength: width }), { minLength: 1, maxLength: 25 }),
    }),
  );

const writing = fc.record({
  delimiter: fc.constantFrom(",", ";", "\t"),
  quoteEverything: fc.boolean(),
  lineEnd: fc.constantFrom("\n", "\r\n"),
  encoding: fc.constantFrom("utf-8", "windows-1252"),
  bom: fc.boolean(),
  tellDelimiter: fc.boolean(),
  tellEncoding: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 4 }),
});

type Writing = typeof writing extends fc.Arbitrary<infer W> ? W : never;

function toCsv(cells: string[][], w: Writing): string {
  const quote = (value: string) =>
    w.quoteEverything || /[",;\t\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return cells.map((row) => row.map(quote).join(w.delimiter)).join(w.lineEnd) + w.lineEnd;
}

function encode(text: string, w: Writing): Uint8Array {
  if (w.encoding === "utf-8") {
    const bytes = new TextEncoder().encode(text);
    return w.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
  }
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in the Windows-1252 test alphabet: ${char}`);
    return code;
  });
}

/** The bytes as a stream cut at arbitrary points, through multi-byte characters too. */
async function* chunked(bytes: Uint8Array, cuts: number[]) {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  let start = 0;
  for (const point of [...points, bytes.length]) {
    yield bytes.slice(start, point);
    start = point;
  }
}

/** What the table holds: per column, how often each non-empty answer occurs. */
function expectedTallies(header: string[], rows: string[][]) {
  return Object.fromEntries(
    header.map((column, c) => {
      const counts: Record<string, number> = Object.create(null);
      for (const value of VALUES) if (value !== "") counts[value] = 0;
      for (const row of rows) {
        const value = row[c] as string;
        if (value !== "") counts[value] = (counts[value] ?? 0) + 1;
      }
      return [column, { ...counts }];
    }),
  );
}

describe("round trip", () => {
  it("reads back the tallies of any table, however it was written as CSV", async () => {
    await fc.assert(
      fc.asyncProperty(table, writing, async ({ header, rows }, w) => {
        const codebook = parseCodebook({
          questions: header.map((column) => ({
            id: column,
            column,
            type: "single",
            categories: VALUES.filter((v) => v !== "").map((value) => ({ code: value, label: value, values: [value] })),
          })),
        });
        const bytes = encode(toCsv([header, ...rows], w), w);
        // One column gives a sniffer nothing to go on: the writer must say which delimiter it used.
        const tellDelimiter = w.tellDelimiter || header.length === 1;
        const loading = loadSurvey(chunked(bytes, w.cuts), {
          codebook,
          ...(tellDelimiter ? { delimiter: w.delimiter } : {}),
          ...(w.tellEncoding ? { encoding: w.encoding } : {}),
        });
        if (rows.every((row) => row.every((value) => value === ""))) {
          // Blank lines are no respondents: a table of only blank rows has none.
          await expect(loading).rejects.toMatchObject({ code: "E_NO_ROWS" });
          return;
        }
        const survey = await loading;
        expect(survey.report.issues).toEqual([]);
        expect({ ...talliesOf(survey) }).toEqual(expectedTallies(header, rows));
      }),
      { numRuns: 300 },
    );
  });
});
