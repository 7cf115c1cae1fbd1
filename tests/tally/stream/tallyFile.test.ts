import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCodebook } from "../../../src/codebook";
import { tallyFile } from "../../../src/tally";
import { fixtureCodebook, fixtureCsv, type FixtureOptions } from "../../bench/surveyFixture";
import { expectSameTallies, referenceTally } from "./reference";

const codebook = fixtureCodebook();
const folder = mkdtempSync(join(tmpdir(), "svyprop-stream-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes text to a file in the test folder and returns its path. */
function fileWith(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const files: Array<[string, FixtureOptions]> = [
  ["clean answers", { rows: 1500, seed: 1 }],
  ["bad values, ragged rows, skip-logic violations, quoted line breaks, CRLF", { rows: 1500, seed: 2, problems: true, quotedNewlines: true, newline: "\r\n" }],
];

describe("tallyFile", () => {
  describe.each(files)("on a generated file with %s", (_, options) => {
    const csv = fixtureCsv(options);
    const expected = referenceTally(csv, codebook);
    const bytes = new TextEncoder().encode(csv);

    it("gives the in-memory path's tallies and report, whatever the chunk size", async () => {
      // Chunks of 1 to 17 bytes cut every accented character and every quoted field somewhere.
      for (const chunkSize of [1, 2, 3, 5, 7, 11, 13, 17, 4096]) {
        const result = await tallyFile(bytes, codebook, { chunkSize });
        expectSameTallies(result.tallies, expected.tallies);
        expect(result.report).toEqual(expected.report);
      }
    });

    it("gives the same result on one thread and on worker threads", async () => {
      const path = fileWith(`${options.seed}.csv`, csv);
      for (const workers of [1, 2, 3]) {
        const result = await tallyFile(path, codebook, { workers, chunkSize: 997 });
        expect(result.workers).toBe(workers);
        expectSameTallies(result.tallies, expected.tallies);
        expect(result.report).toEqual(expected.report);
      }
    });
  });

  it("falls back to one thread when a cut lands inside a quoted line break, with the same result", async () => {
    const small = parseCodebook({ questions: [{ id: "q", column: "q", type: "likert", levels: ["1", "2", "3"] }] });
    // One huge quoted note spans the middle of the file; each of its lines ends with a line
    // break right before a quote, which looks like the start of a record from inside.
    const note = `"${Array.from({ length: 400 }, (_, i) => `line ${i}\n""quoted""`).join("\n")}\n"`;
    const rows = Array.from({ length: 200 }, (_, i) => `${(i % 3) + 1},${i === 100 ? note : "short"}`);
    const csv = ["q,note", ...rows].join("\n") + "\n";
    const result = await tallyFile(fileWith("note.csv", csv), small, { workers: 2 });
    expect(result.workers).toBe(1);
    const expected = referenceTally(csv, small);
    expectSameTallies(result.tallies, expected.tallies);
    expect(result.report).toEqual(expected.report);
  });

  it("tallies numeric questions and multi-selects kept as one 0/1 column per option, as the in-memory path", async () => {
    const cb = parseCodebook({
      missing: ["NA"],
      questions: [
        { id: "age", column: "age", type: "numeric" },
        { id: "nets", type: "multi", columns: { fb: "net_fb", tw: "net_tw" }, categories: [
          { code: "fb", label: "Facebook", values: ["fb"] },
          { code: "tw", label: "Twitter", values: ["tw"] },
        ] },
        { id: "pet", column: "pet", type: "single", filter: { question: "nets", in: ["fb"] }, categories: [
          { code: "cat", label: "Cat", values: ["cat"] },
        ] },
      ],
    });
    const rows = Array.from({ length: 3000 }, (_, i) =>
      [i % 97 === 0 ? "old" : i % 13 === 0 ? "NA" : String(20 + (i % 5000)), ["1", "0", "", "x"][i % 4], ["0", "1", ""][i % 3], i % 5 === 0 ? "cat" : ""].join(","),
    );
    const csv = ["age,net_fb,net_tw,pet", ...rows].join("\n") + "\n";
    const expected = referenceTally(csv, cb);
    expect(expected.report.issues.length).toBeGreaterThan(0);
    for (const workers of [1, 2]) {
      const result = await tallyFile(fileWith("numeric.csv", csv), cb, { workers, chunkSize: 1000 });
      expectSameTallies(result.tallies, expected.tallies);
      expect(result.report).toEqual(expected.report);
    }
  });

  it("reads CSV text, streams of text or bytes, a Blob, and file URLs", async () => {
    const csv = fixtureCsv({ rows: 300, seed: 3, problems: true });
    const expected = referenceTally(csv, codebook);
    const path = fileWith("sources.csv", csv);
    async function* pieces(): AsyncGenerator<string> {
      for (let i = 0; i < csv.length; i += 1000) yield csv.slice(i, i + 1000);
    }
    for (const source of [csv, pieces(), new Blob([csv]), new URL(`file://${path}`)]) {
      const result = await tallyFile(source, codebook);
      expectSameTallies(result.tallies, expected.tallies);
      expect(result.report).toEqual(expected.report);
    }
  });

  it("reads a Windows-1252 file or Blob (read twice) as the in-memory path does", async () => {
    const cb = parseCodebook({ questions: [{ id: "opinion", column: "avis", type: "single", categories: [
      { code: "yes", label: "Oui", values: ["Oui, très"] },
      { code: "dk", label: "NSP", values: ["Ne sait pas"] },
    ] }] });
    const text = "avis,note\nOui, très,1\n\"Oui, très\",2\nNe sait pas,3\n";
    const latin = Uint8Array.from([...text].map((char) => char.charCodeAt(0)));
    for (const source of [fileWith("latin.csv", latin), new Blob([latin])]) {
      const result = await tallyFile(source, cb);
      expect(Array.from(result.tallies.get("opinion")?.counts ?? [])).toEqual([1, 1]);
      expect(result.report.issues.map((issue) => issue.code)).toEqual(["E_RAGGED_ROW"]);
    }
  });

  it("reports progress up to the file's size", async () => {
    const csv = fixtureCsv({ rows: 500, seed: 4 });
    const path = fileWith("progress.csv", csv);
    const seen: number[] = [];
    await tallyFile(path, codebook, { chunkSize: 4096, onProgress: ({ bytesRead, totalBytes }) => {
      seen.push(bytesRead);
      expect(totalBytes).toBe(Buffer.byteLength(csv));
    } });
    expect(seen.at(-1)).toBe(Buffer.byteLength(csv));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it("names a codebook column the file lacks, and an unterminated quote", async () => {
    await expect(tallyFile("a,b\n1,2\n", codebook)).rejects.toMatchObject({ code: "E_CODEBOOK", path: "questions[0].column" });
    const cb = parseCodebook({ questions: [{ id: "a", column: "a", type: "likert", levels: ["1"] }] });
    await expect(tallyFile('a,b\n1,2\n1,"open\n1,2\n', cb)).rejects.toMatchObject({ code: "E_CSV_PARSE", row: 3 });
    await expect(tallyFile(fileWith("open.csv", 'a,b\n1,2\n1,"open\n1,2\n'), cb, { workers: 2 })).rejects.toMatchObject({
      code: "E_CSV_PARSE",
      row: 3,
    });
  });
});
