import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { sourcesFile } from "../paths";

const sources = sourcesFile;
const scratch = mkdtempSync(path.join(tmpdir(), "svyprop-check-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeScratch(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

async function check(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["check", ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe("svyprop check", () => {
  it("explains the Moubarak abstract's unstated bases and exits 0", async () => {
    const { code, stdout } = await check(sources("moubarak-2011.json"), "--max", "202");
    expect(code).toBe(0);
    expect(stdout).toContain("reproduced      Had a Facebook profile: 147/202 prints 73 %\n");
    expect(stdout).toContain("possible        Displayed real name on profile: 138 (99 %) fits n ∈ {139, 140}\n");
    expect(stdout).toContain("possible        Displayed current position: 76 (55 %) fits n ∈ {137–139}\n");
    expect(stdout).toContain("possible        Had received a friend request from a patient: 8 (6 %) fits n ∈ {124–145}\n");
    expect(stdout).toContain(
      "22 figures: 4 reproduced, 18 possible, 0 impossible, 0 count mismatch; 9 without a printed percentage skipped (n searched in 1–202, half-up rounding)",
    );
  });

  it("flags Chretien's '/47' figures computed on 46 and exits 1", async () => {
    const { code, stdout } = await check(sources("chretien-2009.json"), "--max", "202");
    expect(code).toBe(1);
    expect(stdout).toContain("count mismatch  Past year: fewer than 5 incidents: 36/47 prints 77 %, not 78 %; 36 (78 %) fits n ∈ {46}\n");
    expect(stdout).toContain("count mismatch  Past year: 5 to 15 incidents: 3/47 prints 6 %, not 7 %; 3 (7 %) fits n ∈ {41–46}\n");
    expect(stdout).toContain("15 figures: 13 reproduced, 0 possible, 0 impossible, 2 count mismatch");
  });

  it("reads CSV with French decimal commas and percent signs", async () => {
    const file = writeScratch(
      "figures.csv",
      'label,count,base,printed\nFacebook profile,147,202,73 %\nReal name,138,,99%\nHalf,,7,"50,0"\nShare,329,500,"65,8"\n',
    );
    const { code, stdout } = await check(file, "--max", "147");
    expect(stdout).toBe(
      [
        "reproduced      Facebook profile: 147/202 prints 73 %",
        "possible        Real name: 138 (99 %) fits n ∈ {139, 140}",
        "impossible      Half: no count out of 7 prints as 50,0 %",
        "reproduced      Share: 329/500 prints 65,8 %",
        "",
        "4 figures: 2 reproduced, 1 possible, 1 impossible, 0 count mismatch (n searched in 1–147, half-up rounding)",
        "",
      ].join("\n"),
    );
    expect(code).toBe(1);
  });

  it("sums the categories of a grouped single-choice question against its base", async () => {
    const file = writeScratch(
      "groups.csv",
      [
        "label,count,base,printed,group",
        "None,6,47,13,Past year",
        "Fewer than 5,36,47,78,Past year",
        "5 to 15,3,47,7,Past year",
        "Unknown number,1,47,2,Past year",
        "Decline,152,178,85,Friend request",
        "Case by case,26,178,15,Friend request",
        "Accept,0,178,0,Friend request",
      ].join("\n"),
    );
    const { code, stdout } = await check(file);
    expect(code).toBe(1);
    expect(stdout).toContain("sum mismatch    Past year: 6 + 36 + 3 + 1 = 46, not 47; the percentages fit 46\n");
    expect(stdout).toContain("sums to base    Friend request: 152 + 26 + 0 = 178\n");
    expect(stdout).toContain("7 figures: 5 reproduced, 0 possible, 0 impossible, 2 count mismatch; 2 groups, 1 sum mismatch");

    const json = JSON.parse((await check(file, "--json")).stdout);
    expect(json.summary).toMatchObject({ groups: 2, groupMismatch: 1 });
    expect(json.groups[0]).toMatchObject({ group: "Past year", partition: { sum: 46, base: 47, sumsToBase: false } });

    const friendOnly = writeScratch("friend.csv", "label,count,base,printed,group\nDecline,152,178,85,F\nCase,26,178,15,F\n");
    expect((await check(friendOnly)).code).toBe(0);
  });

  it("prints only the summary when every entry lacks a printed percentage", async () => {
    const file = writeScratch("unprinted.json", JSON.stringify([{ label: "Residents", count: 160, base: 202 }]));
    const { code, stdout } = await check(file);
    expect(code).toBe(0);
    expect(stdout).toBe(
      "0 figures: 0 reproduced, 0 possible, 0 impossible, 0 count mismatch; 1 without a printed percentage skipped (n searched in 1–1000, half-up rounding)\n",
    );
  });

  it("says when no n in range gives a figure", async () => {
    const file = writeScratch("impossible.json", JSON.stringify([{ label: "Real name", count: 138, printed: "99" }]));
    const { code, stdout } = await check(file, "--max", "138");
    expect(code).toBe(1);
    expect(stdout).toContain("impossible      Real name: no n in 1–138 gives 138 (99 %)\n");
  });

  it("gives stable machine output with --json", async () => {
    const file = writeScratch(
      "figures.json",
      JSON.stringify({ figures: [{ label: "Real name", count: 138, printed: "99" }, { label: "Profile", count: 147, base: 202, printed: 73 }] }),
    );
    const { code, stdout } = await check(file, "--json", "--min", "100", "--max", "147", "--rounding", "either");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      range: { min: 100, max: 147 },
      rounding: "either",
      summary: { figures: 2, reproduced: 1, possible: 1, impossible: 0, countMismatch: 0, groups: 0, groupMismatch: 0, skipped: 0 },
      verdicts: [
        { label: "Real name", printed: "99", count: 138, verdict: "possible", denominatorRuns: [{ from: 139, to: 140 }], denominators: [139, 140] },
        { label: "Profile", printed: "73", count: 147, base: 202, verdict: "reproduced", computed: "73" },
      ],
      groups: [],
    });
  });

  it("reports a malformed figures file with E_BAD_VALUE or E_CSV_PARSE, row and column, and exits 3", async () => {
    const badCount = await check(writeScratch("bad-count.csv", "label,count,base,printed\na,1,2,50\nb,two,4,50\n"));
    expect(badCount.code).toBe(3);
    expect(badCount.stderr).toMatch(/E_BAD_VALUE: count must be a whole count \(row 3, column "count", value "two"\)/);

    const overBase = await check(writeScratch("over.json", JSON.stringify([{ label: "a", count: 5, base: 4, printed: "100" }])));
    expect(overBase.stderr).toMatch(/E_BAD_VALUE: count exceeds the base 4 .*at \[0\]/);

    const badPrinted = await check(writeScratch("printed.csv", "label,printed\na,about half\n"));
    expect(badPrinted.stderr).toMatch(/E_BAD_VALUE: printed is not a printed percentage.*row 2, column "printed", value "about half"/);

    const noLabel = await check(writeScratch("nolabel.json", JSON.stringify({ figures: [{ printed: "5" }] })));
    expect(noLabel.stderr).toMatch(/E_BAD_VALUE: label is missing .*at figures\[0\]/);

    const noColumn = await check(writeScratch("nocolumn.csv", "label,percent\na,50\n"));
    expect(noColumn.code).toBe(3);
    expect(noColumn.stderr).toMatch(/E_CSV_PARSE: the header has no "printed" column \(row 1\)/);

    const ungroupable = await check(writeScratch("group.csv", "label,count,base,printed,group\na,1,,50,g\n"));
    expect(ungroupable.stderr).toMatch(/E_BAD_VALUE: group needs a count and a base.*row 2, column "group", value "g"/);

    const twoBases = await check(writeScratch("bases.csv", "label,count,base,printed,group\na,1,2,50,g\nb,1,4,25,g\n"));
    expect(twoBases.stderr).toMatch(/E_BAD_VALUE: base differs from the base 2 of group "g" \(row 3, column "base", value "4"\)/);

    const notJson = await check(writeScratch("broken.json", "[{"));
    expect(notJson.stderr).toMatch(/E_BAD_VALUE: the figures file is not valid JSON/);

    const empty = await check(writeScratch("empty.csv", "\n"));
    expect(empty.code).toBe(3);
    expect(empty.stderr).toMatch(/E_EMPTY_FILE/);

    const missing = await check(path.join(scratch, "absent.csv"));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/E_IO/);
  });

  it("rejects bad usage with exit 2", async () => {
    const file = writeScratch("ok.csv", "label,printed\na,50\n");
    expect((await check()).stderr).toMatch(/svyprop check: FILE is required/);
    expect((await check(file, file)).code).toBe(2);
    expect((await check(file, "--max", "abc")).stderr).toMatch(/E_ARGUMENT: --max must be a positive integer \(got abc\)/);
    expect((await check(file, "--min", "0")).stderr).toMatch(/E_ARGUMENT: --min must be a positive integer \(got 0\)/);
    expect((await check(file, "--rounding", "up")).stderr).toMatch(/E_ARGUMENT: --rounding/);
    expect((await check(file, "--bogus")).code).toBe(2);
  });

  it("prints its usage with --help", async () => {
    const { code, stdout } = await check("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: svyprop check FILE");
  });
});
