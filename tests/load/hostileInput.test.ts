import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCodebook, type Codebook } from "../../src/codebook";
import { readFileSync } from "node:fs";
import { validationSummary } from "../../src/report";
import { loadSurvey } from "../../src/survey";
import { estimate } from "../../src/estimate";
import { tallyFile } from "../../src/tally";
import { expectPathsAgree } from "../survey/readingPaths";

/** Issue 18's silent-data-loss probes: each holds both reading paths to one answer. */
const folder = mkdtempSync(join(tmpdir(), "svyprop-hostile-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
function fileWith(content: string | Uint8Array): string {
  const path = join(folder, `${files++}.csv`);
  writeFileSync(path, content);
  return path;
}

const yesNo = (id: string, column = id): Codebook["questions"][number] => ({
  id,
  column,
  type: "single",
  categories: [
    { code: "yes", label: "Yes", values: ["yes"] },
    { code: "no", label: "No", values: ["no"] },
  ],
});

describe("a file that changes while it is streamed", () => {
  it("is an E_IO naming the file, not a partial result", async () => {
    const codebook = parseCodebook({ questions: [yesNo("q")] });
    const path = fileWith(`q,note\n${Array.from({ length: 2000 }, (_, i) => `${i % 2 ? "yes" : "no"},n${i}`).join("\n")}\n`);
    let truncated = false;
    const tallying = tallyFile(path, codebook, {
      workers: 1,
      chunkSize: 1024,
      onProgress: () => {
        if (truncated) return;
        truncated = true;
        truncateSync(path, 4000);
      },
    });
    await expect(tallying).rejects.toMatchObject({ code: "E_IO" });
    await expect(tallying).rejects.toThrow(path);
  });
});

describe("weights", () => {
  it("are decimal numbers in both paths: 0x10, 0b11, 1e1 and Infinity are E_BAD_WEIGHT naming row and value", async () => {
    const codebook = parseCodebook({ design: { weights: "w" }, questions: [yesNo("q")] });
    for (const weight of ["0x10", "0b11", "0o7", "1e1", "Infinity", "1_000"]) {
      const path = fileWith(`q,w\nyes,1.5\nno,${weight}\n`);
      expect(await bothRefuse(path, codebook)).toMatchObject({ code: "E_BAD_WEIGHT", row: 3, column: "w", value: weight });
    }
    const survey = await loadSurvey(fileWith("q,w\nyes,\"1,5\"\nno,2.\n"), { codebook });
    expect(Array.from(survey.designColumns?.weights ?? [])).toEqual([1.5, 2]);
  });
});

describe("a bad design cell", () => {
  it("is the same first error in both paths, in record order (a weight before a population size), found by loadSurvey, not later by estimate", async () => {
    const cases: Array<[string, Codebook["design"], Record<string, unknown>]> = [
      ["q,w\nyes,1\nno,-2\nyes,1\n", { weights: "w" }, { code: "E_BAD_WEIGHT", row: 3, column: "w", value: "-2" }],
      ["q,w,s,N\nyes,1,a,10\nno,1,a,12\nyes,1,b,5\nno,1,b,5\n", { weights: "w", strata: "s", fpc: "N" }, { code: "E_FPC", row: 3, column: "N", value: "12" }],
      ["q,w,N\nyes,1,x\nno,z,3\n", { weights: "w", fpc: "N" }, { code: "E_FPC", row: 2, column: "N", value: "x" }],
      ["q,w,N\nyes,1,3\nno,-1,x\n", { weights: "w", fpc: "N" }, { code: "E_FPC", row: 3, column: "N", value: "x" }],
      ["q,w,N\nyes,1,0\nno,1,3\n", { weights: "w", fpc: "N" }, { code: "E_FPC", row: 2, column: "N", value: "0" }],
    ];
    for (const [csv, design, expected] of cases) {
      const codebook = parseCodebook({ questions: [yesNo("q")], design });
      expect(await bothRefuse(fileWith(csv), codebook), csv).toMatchObject(expected);
    }
  });

  it("that the design can live with is the same estimate or the same refusal in both paths", async () => {
    const cases: Array<[string, Codebook["design"]]> = [
      ["q,w\nyes,0\nno,0\n", { weights: "w" }],
      ["q,w,s,N\nyes,1,a,1\nno,1,a,1\nyes,1,b,5\nno,1,b,5\n", { weights: "w", strata: "s", fpc: "N" }],
      ["q,w,s\nyes,1,a\nno,1,\nyes,1,a\nno,1,\n", { weights: "w", strata: "s" }],
      ["q,w,p\nyes,1,a\nno,1,\nyes,1,b\nno,1,\n", { weights: "w", cluster: "p" }],
      ["q,w,s\nyes,1,a\nno,1,b\nyes,1,b\n", { weights: "w", strata: "s" }],
      ["q,w\nmaybe,1\nperhaps,2\n", { weights: "w" }],
    ];
    for (const [csv, design] of cases) await expectPathsAgree(fileWith(csv), parseCodebook({ questions: [yesNo("q")], design }), { threads: [1] });
  });
});

describe("a column the file has twice", () => {
  it("is an E_DUPLICATE_COLUMN in both paths, for a question, the respondent id or a design column", async () => {
    const cases: Array<[string, Codebook, string]> = [
      ["q,q\nyes,no\n", parseCodebook({ questions: [yesNo("q")] }), "questions[0].column"],
      ["id,q,id\n1,yes,2\n", parseCodebook({ respondentId: "id", questions: [yesNo("q")] }), "respondentId"],
      ["q,w,w\nyes,1,2\n", parseCodebook({ design: { weights: "w" }, questions: [yesNo("q")] }), "design.weights"],
    ];
    for (const [csv, codebook, path] of cases) {
      const file = fileWith(csv);
      const column = path === "respondentId" ? "id" : path === "design.weights" ? "w" : "q";
      expect(await bothRefuse(file, codebook)).toMatchObject({ code: "E_DUPLICATE_COLUMN", column, path });
    }
  });

  it("is harmless when the codebook does not read it", async () => {
    const codebook = parseCodebook({ questions: [yesNo("q")] });
    expect((await bothPaths("q,note,note\nyes,a,b\n", codebook)).report.rowsRead).toBe(1);
  });
});

/**
 * Both paths on one file, held to one answer field by field (`expectPathsAgree`: report, tallies,
 * estimates, encoding, on one and two threads in chunks of 5 bytes): the in-memory report and counts.
 */
async function bothPaths(content: string | Uint8Array, codebook: Codebook, options: { issueLimit?: number } = {}) {
  const memory = await expectPathsAgree(fileWith(content), codebook, { chunkSize: 5, ...options });
  if ("error" in memory) throw new Error(`both paths refused the file: ${memory.error.message}`);
  return { report: memory.report, tallies: Object.fromEntries(Object.entries(memory.tallies).map(([id, tally]) => [id, tally.counts])) };
}

/** Both paths' one error on one file (`expectPathsAgree`, one thread unless `threads` says otherwise). */
async function bothRefuse(file: string, codebook: Codebook, options: { threads?: number[]; chunkSize?: number } = {}) {
  const memory = await expectPathsAgree(file, codebook, { threads: [1], ...options });
  if (!("error" in memory)) throw new Error("both paths read the file");
  return memory.error;
}

describe("line endings", () => {
  const codebook = parseCodebook({ questions: [yesNo("q")] });

  it("a lone CR ends a record (old Mac Excel), in both paths", async () => {
    const { report, tallies } = await bothPaths("q,note\ryes,a\rno,b\ryes,c\r", codebook);
    expect(report.rowsRead).toBe(3);
    expect(report.issues).toEqual([]);
    expect(tallies.q).toEqual([2, 1]);
  });

  it("CRLF, LF and CR mixed in one file are each one line break; quoted ones stay in their cell", async () => {
    const { report, tallies } = await bothPaths('q,note\r\nyes,a\nno,"b\rc"\ryes,d\r\n\rno,e', codebook);
    expect(report.rowsRead).toBe(4);
    expect(report.issues).toEqual([]);
    expect(tallies.q).toEqual([2, 2]);
  });

  it("rows are numbered by the same rule: a blank line of any kind is a row", async () => {
    const { report } = await bothPaths("q,note\r\rmaybe,a\n\r\nno,b\rperhaps,c\n", codebook);
    expect(report.issues.map((issue) => issue.row)).toEqual([3, 6]);
  });
});

describe("header rows", () => {
  const codebook = parseCodebook({ questions: [yesNo("q")] });

  it('an answer starting with {"ImportId" in the second data row is a respondent, not a Qualtrics header', async () => {
    const { report, tallies } = await bothPaths('q,note\nyes,plain\nno,"{""ImportId"":""QID1""}"\nyes,x\n', codebook);
    expect(report.rowsRead).toBe(3);
    expect(tallies.q).toEqual([2, 1]);
  });

  it("a Qualtrics export's two extra header rows are no respondents in either path", async () => {
    const csv = 'ResponseId,q\nResponse ID,Do you agree?\n"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"\nR_1,yes\nR_2,no\n';
    const { report, tallies } = await bothPaths(csv, codebook);
    expect(report.rowsRead).toBe(2);
    expect(tallies.q).toEqual([1, 1]);
    expect((await loadSurvey(fileWith(csv), { codebook })).rowNumbers).toEqual([4, 5]);
  });

  it("a header alone, or blank lines of bare delimiters, are refused alike", async () => {
    for (const [csv, code] of [["q,note\n", "E_NO_ROWS"], ["q,note\n,\n \t \n, ,\"\"\n", "E_NO_ROWS"], [",,\n,\n", "E_EMPTY_FILE"], ["\r\n\r", "E_EMPTY_FILE"]]) {
      expect(await bothRefuse(fileWith(csv as string), codebook)).toMatchObject({ code });
    }
    // E_NO_ROWS comes before the codebook's columns in both paths, as the file's own errors do.
    const missing = parseCodebook({ questions: [yesNo("q"), yesNo("gone")], design: { weights: "w" } });
    expect(await bothRefuse(fileWith("q,note\n"), missing, { threads: [1, 2] })).toMatchObject({ code: "E_NO_ROWS" });
    expect(await bothRefuse(fileWith('q,note\nyes,"open\n'), missing)).toMatchObject({ code: "E_CSV_PARSE", row: 2 });
  });

  it("every row ragged: both paths leave each out with its row", async () => {
    const { report } = await bothPaths("q,note\nyes\nno,a,b\n", codebook);
    expect(report.issues.map((issue) => [issue.code, issue.row])).toEqual([["E_RAGGED_ROW", 2], ["E_RAGGED_ROW", 3]]);
  });
});

describe("encodings", () => {
  const codebook = parseCodebook({ questions: [{ id: "s", column: "s", type: "single", categories: [
    { code: "ts", label: "Très satisfait", values: ["Très satisfait"] },
    { code: "ps", label: "Peu satisfait", values: ["Peu satisfait"] },
  ] }] });
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const latin = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

  it("one invalid byte in a UTF-8 file is an E_ENCODING naming the byte, its offset and row, in both paths", async () => {
    const head = utf8("s,note\nTrès satisfait,a\nPeu satisfait,b\n");
    const before = utf8("Très satisfait,caf");
    const bytes = new Uint8Array([...head, ...before, 0xe9, ...utf8("\n")]);
    const file = fileWith(bytes);
    const error = await bothRefuse(file, codebook, { threads: [1, 2] });
    expect(error).toMatchObject({ code: "E_ENCODING", row: 4 });
    expect(error.message).toContain(`byte 0xE9 at offset ${head.length + before.length}`);
    await expect(tallyFile(bytes, codebook)).rejects.toMatchObject({ code: "E_ENCODING", row: 4 });
    // Told which encoding it is, the file is read as such.
    const survey = await loadSurvey(file, { codebook, encoding: "windows-1252" });
    expect(survey.readWith?.encoding).toBe("windows-1252");
  });

  it("a Windows-1252 file (no UTF-8 in it) is read as such by both paths, and says so", async () => {
    const memory = await expectPathsAgree(fileWith(latin("s,note\nTrès satisfait,é\nPeu satisfait,ç\n")), codebook);
    expect(memory).toMatchObject({ encoding: "windows-1252", report: { issues: [] } });
  });

  describe("a UTF-8 BOM with Windows-1252 asked for: the BOM says UTF-8, in both paths", () => {
    const bom = [0xef, 0xbb, 0xbf];
    const answers = "s,note\nTrès satisfait,é\nPeu satisfait,ç\n";

    it("reads a file that is UTF-8 as UTF-8, on one and two threads", async () => {
      const memory = await expectPathsAgree(fileWith(new Uint8Array([...bom, ...utf8(answers)])), codebook, { encoding: "windows-1252" });
      expect(memory).toMatchObject({ encoding: "utf-8", report: { issues: [] }, tallies: { s: { counts: [1, 1] } } });
    });

    it("refuses a file that then holds a byte UTF-8 cannot hold, naming it", async () => {
      const file = fileWith(new Uint8Array([...bom, ...utf8("s,note\nTrès satisfait,caf"), 0xe9, ...utf8("\n")]));
      const memory = await expectPathsAgree(file, codebook, { encoding: "windows-1252", threads: [1, 2] });
      expect(memory).toMatchObject({ error: { code: "E_ENCODING", row: 2 } });
    });

    it("reads a one-shot stream whose BOM comes a byte at a time as UTF-8, as loadSurvey does", async () => {
      const bytes = new Uint8Array([...bom, ...utf8(answers)]);
      async function* byteByByte() {
        for (const byte of bytes) yield new Uint8Array([byte]);
      }
      const streamed = await tallyFile(byteByByte(), codebook, { encoding: "windows-1252" });
      const survey = await loadSurvey(byteByByte(), { codebook, encoding: "windows-1252" });
      expect(streamed.encoding).toBe("utf-8");
      expect(survey.readWith?.encoding).toBe("utf-8");
      expect(streamed.report).toEqual(survey.report);
      expect([...(streamed.tallies.get("s")?.counts ?? [])]).toEqual([1, 1]);
    });
  });

  it("an invalid byte in a column no question reads still decides the file, the same way in both paths", async () => {
    const file = fileWith(new Uint8Array([...utf8("s,note\nPeu satisfait,"), 0xff, ...utf8("\nPeu satisfait,x\n")]));
    expect(await expectPathsAgree(file, codebook, { threads: [1] })).toMatchObject({ encoding: "windows-1252" });
  });
});

describe("limits", () => {
  it("a file over 512 MiB is E_TOO_LARGE naming --stream, found before a byte is read", async () => {
    const path = fileWith("");
    truncateSync(path, 513 * 2 ** 20); // sparse: no disk used
    const codebook = parseCodebook({ questions: [yesNo("q")] });
    await expect(loadSurvey(path, { codebook })).rejects.toMatchObject({ code: "E_TOO_LARGE", value: String(513 * 2 ** 20) });
    await expect(loadSurvey(path, { codebook })).rejects.toThrow("--stream");
  });

  it("a 10 MB bad value is cut in the report and in messages, the same way in both paths", async () => {
    const codebook = parseCodebook({ design: { weights: "w" }, questions: [yesNo("q")] });
    const huge = "x".repeat(10_000_000);
    const file = fileWith(`q,w\n${huge},1\nyes,1\n`);
    const plain = parseCodebook({ questions: [yesNo("q")] });
    const survey = await loadSurvey(file, { codebook: plain });
    const value = survey.report.issues[0]?.value ?? "";
    expect(value.length).toBeLessThan(300);
    expect(value).toContain("(10000000 characters)");
    expect((await tallyFile(file, plain)).report).toEqual(survey.report);
    const badWeight = fileWith(`q,w\nyes,${huge}\n`);
    const error = (await loadSurvey(badWeight, { codebook }).catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ code: "E_BAD_WEIGHT", row: 2 });
    expect(error.message.length).toBeLessThan(400);
  });
});

describe("bounded memory", () => {
  const codebook = parseCodebook({ questions: [yesNo("q"), yesNo("r")] });

  it("keeps the first 1000 problems of each question and code and counts the rest, in both paths", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `bad${i},${i % 3 === 0 ? "maybe" : "yes"}`);
    const { report } = await bothPaths(`q,r\n${rows.join("\n")}\n`, codebook);
    const kept = report.issues.filter((issue) => issue.question === "q");
    expect(kept).toHaveLength(1000);
    expect(kept.at(-1)).toMatchObject({ row: 1001, value: "bad999" });
    expect(report.issues.filter((issue) => issue.question === "r")).toHaveLength(500);
    expect(report.omittedIssues).toEqual([{ question: "q", code: "E_BAD_VALUE", count: 500 }]);
    // Nothing lost: every bad cell is either listed or counted, and the account still says so.
    expect(report.questions.q?.excluded).toBe(1500);
    expect(validationSummary(report)).toContain("2000 problem(s) found");
    expect(validationSummary(report)).toContain('… and 500 more E_BAD_VALUE in question "q", counted but not listed');
  });

  it("issueLimit keeps the first N by row, per question and code, whatever the threads (ragged rows too)", async () => {
    const lines = ["q,r"];
    for (let i = 0; i < 40; i++) lines.push(i % 4 === 0 ? "yes" : i % 4 === 1 ? `x${i},no` : `yes,y${i}`);
    const { report } = await bothPaths(`${lines.join("\n")}\n`, codebook, { issueLimit: 2 });
    expect(report.issues.map((issue) => [issue.code, issue.question, issue.row])).toEqual([
      ["E_RAGGED_ROW", undefined, 2],
      ["E_BAD_VALUE", "q", 3],
      ["E_BAD_VALUE", "r", 4],
      ["E_BAD_VALUE", "r", 5],
      ["E_RAGGED_ROW", undefined, 6],
      ["E_BAD_VALUE", "q", 7],
    ]);
    expect(report.omittedIssues).toEqual(
      expect.arrayContaining([
        { code: "E_RAGGED_ROW", count: 8 },
        { question: "q", code: "E_BAD_VALUE", count: 8 },
        { question: "r", code: "E_BAD_VALUE", count: 18 },
      ]),
    );
    expect(report.omittedIssues).toHaveLength(3);
  });

  it("refuses an issueLimit that is not a whole number", async () => {
    await expect(loadSurvey("q,r\nyes,no\n", { codebook, issueLimit: -1 })).rejects.toMatchObject({ code: "E_ARGUMENT" });
    await expect(tallyFile(new TextEncoder().encode("q,r\nyes,no\n"), codebook, { issueLimit: 1.5 })).rejects.toMatchObject({ code: "E_ARGUMENT" });
  });

  it("a wide file: the questions' columns are read wherever they sit, the same in both paths", async () => {
    const width = 3000;
    const header = Array.from({ length: width }, (_, i) => `c${i}`);
    const wide = parseCodebook({ questions: [yesNo("first", "c0"), yesNo("far", `c${width - 1}`), yesNo("middle", "c1234")] });
    const row = (first: string, middle: string, far: string) => header.map((_, i) => (i === 0 ? first : i === 1234 ? middle : i === width - 1 ? far : "")).join(",");
    const csv = `${header.join(",")}\n${row("yes", "no", "no")}\n${row("no", "no", "yes")}\n${row("no", "maybe", "no")}\n`;
    const { tallies, report } = await bothPaths(csv, wide);
    expect(tallies).toEqual({ first: [1, 2], far: [1, 2], middle: [0, 2] });
    expect(report.issues).toMatchObject([{ row: 4, column: "c1234", value: "maybe" }]);
  });
});

describe("the stream agrees with the in-memory path on", () => {
  it("repeated respondent ids: E_DUPLICATE_ID, the repeat left out, its spreadsheet row after a quoted line break", async () => {
    const fixtures = new URL("../fixtures/", import.meta.url);
    const json = JSON.parse(readFileSync(new URL("codebook.json", fixtures), "utf8"));
    const codebook = parseCodebook({ ...json, respondentId: "id" });
    const { report } = await bothPaths(readFileSync(new URL("duplicate-respondent-id.csv", fixtures)), codebook);
    expect(report.issues.filter((issue) => issue.code === "E_DUPLICATE_ID")).toEqual([
      { code: "E_DUPLICATE_ID", row: 6, column: "id", value: "3", reason: "repeats the respondent id of row 4; left out of every question" },
    ]);
    expect(report.questions.facebook?.excluded).toBe(1);
  });

  it("rows after quoted line breaks: a problem names its spreadsheet row (a quoted line break is no new row)", async () => {
    const codebook = parseCodebook({ questions: [yesNo("q")] });
    const csv = 'note,q\n"one\ntwo\r\nthree",yes\n"a\rb",maybe\nplain,no\n"x\n\ny",perhaps\n';
    const { report } = await bothPaths(csv, codebook);
    expect(report.issues.map((issue) => [issue.row, issue.value])).toEqual([[3, "maybe"], [5, "perhaps"]]);
  });

  it("a question column the file lacks: E_CODEBOOK naming the column and the JSON path", async () => {
    const codebook = parseCodebook({ questions: [yesNo("q"), yesNo("gone")] });
    const refusal = { code: "E_CODEBOOK", column: "gone", path: "questions[1].column" };
    for (const csv of ["q,note\nyes,a\n", "q,note\nyes,b\r\nno,c\n"]) {
      expect(await bothRefuse(fileWith(csv), codebook, { threads: [1, 2], chunkSize: 5 })).toMatchObject(refusal);
    }
  });

  it("a respondent-id column the file lacks: E_CODEBOOK with the path respondentId", async () => {
    const codebook = parseCodebook({ questions: [yesNo("q")], respondentId: "id" });
    expect(await bothRefuse(fileWith("q\nyes\n"), codebook)).toMatchObject({ code: "E_CODEBOOK", column: "id", path: "respondentId" });
  });

  it("a design column the file lacks: E_CODEBOOK at design.<key>, the same message, whether the design is tallied or not", async () => {
    const cases: Array<[Codebook["design"], string, string]> = [
      [{ weights: "w" }, "w", "design.weights"],
      [{ strata: "s", cluster: "psu" }, "psu", "design.cluster"],
      [{ weights: "w0", cluster: ["q", "psu2"] }, "w0", "design.weights"],
      [{ cluster: ["q", "psu2"] }, "psu2", "design.cluster[1]"],
      [{ fpc: "N", weights: "q" }, "N", "design.fpc"],
      [{ calibration: { method: "postStratify", margins: [{ column: "age", population: { young: 10 } }] } }, "age", "design.calibration.margins[0].column"],
    ];
    for (const [design, column, path] of cases) {
      const codebook = parseCodebook({ questions: [yesNo("q")], design });
      const error = await bothRefuse(fileWith("q,s\nyes,a\nno,b\n"), codebook);
      expect(error).toMatchObject({ code: "E_CODEBOOK", column, path });
      expect(error.message).toContain("names a column the file does not have; columns are: q, s");
    }
  });

  it("a ragged record is no respondent of the design either: no E_BAD_WEIGHT from its missing cells, its PSU not counted", async () => {
    const codebook = parseCodebook({ questions: [yesNo("q")], design: { weights: "w", strata: "s", cluster: "p" } });
    const clean = "q,w,s,p\nyes,1.5,a,p1\nno,2,a,p2\nyes,1,b,p3\nno,2,b,p4\nyes,1,b,p4\n";
    // A short record (no weight: read whole, it would be E_BAD_WEIGHT) and a long one in a PSU of its own.
    const ragged = "q,w,s,p\nyes,1.5,a,p1\nno,2,a,p2\nyes\nyes,1,b,p3\nno,2,b,p4\nno,3,b,p5,extra\nyes,1,b,p4\n";
    const withRagged = await bothPaths(ragged, codebook);
    expect(withRagged.report.issues.map((issue) => [issue.code, issue.row])).toEqual([["E_RAGGED_ROW", 4], ["E_RAGGED_ROW", 7]]);
    expect(withRagged.report.rowsRead).toBe(7);
    // The estimates are those of the file without the ragged lines: what R svydesign gives on the rows it can place.
    const estimates = async (csv: string) => estimate(await loadSurvey(csv, { codebook }), "q");
    const [expected, actual] = [await estimates(clean), await estimates(ragged)];
    expect(actual.map((row) => [row.count, row.base, row.proportion, row.se, row.lower, row.upper])).toEqual(expected.map((row) => [row.count, row.base, row.proportion, row.se, row.lower, row.upper]));
  });
});
