import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { captureIO } from "../cli/io";
import { moubarakCodebook, moubarakCsv, moubarakReport } from "./officeFixture";

let out: string;
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "svyprop-office-cli-"));
});

const base = ["report", moubarakCsv, "--codebook", moubarakCodebook];

describe("svyprop report --out .xlsx / .pdf and svyprop slides", () => {
  it("writes an Excel workbook in French whose cells are the estimates", async () => {
    const io = captureIO();
    const path = join(out, "r.xlsx");
    expect(await runCli([...base, "--locale", "fr-FR", "--out", path], io)).toBe(0);
    expect(io.out()).toBe(`Report written to ${path}\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    const { report } = await moubarakReport("fr-FR");
    expect(workbook.worksheets.map((sheet) => sheet.getCell(1, 1).value)).toEqual([...report.sections.map((s) => s.heading), report.title]);
    const friend = workbook.worksheets.find((sheet) => sheet.getCell(3, 9).value === "friend_request")!;
    expect(friend.getCell(3, 2).value).toBe("Refuserait automatiquement");
    expect([friend.getCell(3, 3).value, friend.getCell(3, 4).value, friend.getCell(3, 5).value]).toEqual([152, 178, 152 / 178]);
  });

  it("writes a PDF, Letter in English unless --page-size says A4, and refuses another size", async () => {
    const path = join(out, "r.pdf");
    expect(await runCli([...base, "--question", "friend_request", "--page-size", "A4", "--out", path], captureIO())).toBe(0);
    expect(execFileSync("pdfinfo", [path], { encoding: "utf8" })).toMatch(/\(A4\)/);
    expect(execFileSync("pdftotext", [path, "-"], { encoding: "utf8" })).toContain("152 / 178");
    const io = captureIO();
    expect(await runCli([...base, "--page-size", "A5", "--out", path], io)).toBe(2);
    expect(io.err()).toContain('--page-size must be A4 or Letter (got "A5")');
  });

  it("writes a deck with one slide per report section, and refuses an --out that is not .pptx", async () => {
    const path = join(out, "deck.pptx");
    const io = captureIO();
    expect(await runCli(["slides", moubarakCsv, "--codebook", moubarakCodebook, "--out", path], io)).toBe(0);
    const { report } = await moubarakReport("en-US");
    expect(io.out()).toBe(`Slides written to ${path} (${report.sections.length + 1} slides)\n`);
    const zip = await JSZip.loadAsync(await readFile(path));
    expect(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toHaveLength(report.sections.length + 1);
    const refused = captureIO();
    expect(await runCli(["slides", moubarakCsv, "--codebook", moubarakCodebook, "--out", join(out, "deck.pdf")], refused)).toBe(2);
    expect(refused.err()).toContain("is a .pdf file, which svyprop slides cannot write; it writes .pptx");
    await expect(stat(join(out, "deck.pdf"))).rejects.toThrow();
  });

  it("dates the files by SOURCE_DATE_EPOCH, so two runs give the same bytes", async () => {
    const previous = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "1767225600"; // 2026-01-01T00:00:00Z
    try {
      const paths = [join(out, "a.xlsx"), join(out, "b.xlsx")];
      for (const path of paths) expect(await runCli([...base, "--question", "friend_request", "--out", path], captureIO())).toBe(0);
      const [a, b] = await Promise.all(paths.map((path) => readFile(path)));
      expect(a!.equals(b!)).toBe(true);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(a as unknown as ArrayBuffer);
      expect(workbook.created.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    } finally {
      if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = previous;
    }
  });
});
