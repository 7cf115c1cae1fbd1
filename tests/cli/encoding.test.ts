import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { captureIO } from "./io";

const folder = mkdtempSync(join(tmpdir(), "svyprop-encoding-"));
const utf8 = (text: string) => new TextEncoder().encode(text);
// UTF-8 "Très" on two rows, then one Windows-1252 "é" (0xE9): the file mixes encodings.
const csv = join(folder, "mixed.csv");
writeFileSync(csv, new Uint8Array([...utf8("s\nTrès satisfait\nPeu satisfait\ncaf"), 0xe9, ...utf8("\n")]));
const codebook = join(folder, "codebook.json");
writeFileSync(
  codebook,
  JSON.stringify({
    questions: [{ id: "s", type: "single", column: "s", categories: [
      { code: "ts", label: "Très satisfait", values: ["Très satisfait"] },
      { code: "ps", label: "Peu satisfait", values: ["Peu satisfait"] },
      { code: "c", label: "Café", values: ["café"] },
    ] }],
  }),
);

describe("--encoding, in every command that reads a survey file", () => {
  it("a file that mixes encodings is refused (exit 3) naming the byte; --encoding reads it as asked", async () => {
    const refused = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook], refused)).toBe(3);
    expect(refused.err()).toContain("E_ENCODING");
    for (const stream of [[], ["--stream"]]) {
      const io = captureIO();
      expect(await runCli(["estimate", csv, "--codebook", codebook, "--encoding", "windows-1252", "--json", ...stream], io)).toBe(0);
      const { estimates, report } = JSON.parse(io.out()) as { estimates: Array<{ category: string; count: number }>; report: { issues: Array<{ row: number; value: string }> } };
      // As Windows-1252, 0xE9 is "é"; the UTF-8 "è" becomes "Ã¨": that row is a bad value, named.
      expect(estimates.map((e) => [e.category, e.count])).toEqual([["ts", 0], ["ps", 1], ["c", 1]]);
      expect(report.issues.map((i) => [i.row, i.value])).toEqual([[2, "TrÃ¨s satisfait"]]);
    }
  });

  it("names the encodings it takes, with a suggestion", async () => {
    const io = captureIO();
    expect(await runCli(["report", csv, "--codebook", codebook, "--out", join(folder, "r.md"), "--encoding", "windows1252"], io)).toBe(2);
    expect(io.err()).toContain('--encoding must be one of utf-8, windows-1252, latin1 (got "windows1252"); did you mean "windows-1252"?');
  });
});
