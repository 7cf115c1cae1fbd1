import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

const data = join(repoRoot, "data", "moubarak-2009");
const csv = join(data, "responses.csv");
const codebook = join(data, "codebook.json");

describe("svyprop estimate", () => {
  it("prints Estimate rows and the report as JSON", async () => {
    const io = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--question", "facebook", "--json"], io)).toBe(0);
    const { estimates, report } = JSON.parse(io.out());
    expect(estimates.map((r: { category: string; count: number; base: number }) => [r.category, r.count, r.base])).toEqual([
      ["yes", 147, 202],
      ["no", 55, 202],
    ]);
    expect(report.rowsRead).toBe(202);
  });

  it("splits by a question and accepts a method and a level", async () => {
    const io = captureIO();
    const args = ["estimate", csv, "--codebook", codebook, "--question", "facebook", "--by", "position", "--method", "clopper-pearson", "--level", "0.9", "--json"];
    expect(await runCli(args, io)).toBe(0);
    const { estimates } = JSON.parse(io.out());
    expect(estimates).toHaveLength(4);
    expect(estimates[0]).toMatchObject({ group: { position: "resident" }, method: "clopper-pearson", level: 0.9 });
    expect(estimates[0].base + estimates[2].base).toBe(202);
  });

  it("prints a table and a summary of the rows by default", async () => {
    const io = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--question", "real_name"], io)).toBe(0);
    expect(io.out()).toMatch(/138/);
    expect(io.err()).toContain("202 rows read; 0 problem(s) found.");
    expect(io.err()).toMatch(/real_name: 140 used \(7 no answer, 55 not asked\)/);
  });

  describe("on a file with a bad value", () => {
    let bad: string;
    beforeAll(async () => {
      const dir = await mkdtemp(join(tmpdir(), "svyprop-estimate-"));
      bad = join(dir, "bad.csv");
      await writeFile(bad, "respondent,position,facebook\n1,resident,yes\n2,fellow,peut-être\n3,resident,no\n");
    });
    const smallCodebook = JSON.stringify({
      questions: [{ id: "facebook", column: "facebook", type: "binary", positive: ["yes"], negative: ["no"] }],
    });

    it("names the row, column and value in strict mode and exits 3", async () => {
      const io = captureIO();
      expect(await runCli(["estimate", bad, "--codebook", smallCodebook, "--strict"], io)).toBe(3);
      expect(io.err()).toContain('E_BAD_VALUE');
      expect(io.err()).toContain('row 3, column "facebook", value "peut-être"');
    });

    it("reports it and leaves the row out in lenient mode", async () => {
      const io = captureIO();
      expect(await runCli(["estimate", bad, "--codebook", smallCodebook, "--json"], io)).toBe(0);
      const { estimates, report } = JSON.parse(io.out());
      expect(estimates[0]).toMatchObject({ count: 1, base: 2 });
      expect(report.issues).toEqual([expect.objectContaining({ code: "E_BAD_VALUE", row: 3, column: "facebook", value: "peut-être" })]);
    });
  });

  it("exits 2 on bad usage, naming what is wrong", async () => {
    const io = captureIO();
    expect(await runCli(["estimate", csv], io)).toBe(2);
    expect(io.err()).toContain("--codebook");
    const method = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--method", "exact"], method)).toBe(2);
    expect(method.err()).toContain("method");
    const option = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--colour"], option)).toBe(2);
  });
});
