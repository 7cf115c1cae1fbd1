import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "../../src/office";
import { friendRequestRows } from "../../examples/moubarakEstimates";
import { CREATED, moubarakReport } from "./officeFixture";

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The header row's titles, by column number. */
function headerOf(sheet: ExcelJS.Worksheet): Map<string, number> {
  const headers = new Map<string, number>();
  sheet.getRow(2).eachCell((cell, column) => headers.set(String(cell.value), column));
  return headers;
}

describe("toXlsx", () => {
  it("writes one sheet per section whose numbers are the Estimate rows, with percent formats and a frozen header", async () => {
    const { report } = await moubarakReport("en-US");
    const workbook = await readBack(await toXlsx(report, { created: CREATED }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toHaveLength(report.sections.length + 1);
    report.sections.forEach((section, index) => {
      const sheet = workbook.worksheets[index]!;
      expect(sheet.getCell(1, 1).value).toBe(section.heading);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
      const header = headerOf(sheet);
      expect([...header.keys()]).toEqual(["Question", "Answer", "n", "Base", "%", "95% CI Lower", "95% CI Upper", "Method", "Question ID", "Answer code"]);
      section.rows.forEach((row, rowIndex) => {
        const line = sheet.getRow(3 + rowIndex);
        const cell = (title: string) => line.getCell(header.get(title)!);
        expect(cell("Question ID").value).toBe(row.question);
        expect(cell("Answer code").value).toBe(row.category);
        expect(cell("Answer").value).toBe(row.categoryLabel);
        expect(cell("n").value).toBe(row.count);
        expect(cell("Base").value).toBe(row.base);
        expect(cell("%").value).toBe(row.proportion);
        expect(cell("%").numFmt).toBe("0%");
        expect(cell("95% CI Lower").value).toBe(row.lower);
        expect(cell("95% CI Upper").value).toBe(row.upper);
        expect(cell("95% CI Upper").numFmt).toBe("0%");
        expect(cell("Method").value).toBe("Wilson");
      });
      // The note under the table: base, interval and method, weighting, source.
      const notes = [0, 1, 2, 3].map((offset) => String(sheet.getCell(section.rows.length + 4 + offset, 1).value));
      expect(notes[1]).toBe("95% CI, Wilson (finite-population corrected) method.");
      expect(notes[2]).toBe("Unweighted: every respondent counts once.");
      expect(notes[3]).toMatch(/^Source: Moubarak G/);
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(Math.min(60, Math.max(...section.rows.map((row) => row.questionLabel.length))));
    });
    const position = workbook.worksheets[0]!;
    expect(position.getCell(3, 3).value).toBe(160);
    expect(String(position.getCell(report.sections[0]!.rows.length + 4, 1).value)).toBe("n = 202.");
  });

  it("ends with a Notes sheet holding the loading report: rows read, and each question's used and left-out rows", async () => {
    const { report } = await moubarakReport("en-US");
    const notes = (await readBack(await toXlsx(report, { created: CREATED }))).getWorksheet("Notes")!;
    const rows: unknown[][] = [];
    notes.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(["Rows read", 202]);
    expect(rows).toContainEqual(["Problems found", 0]);
    expect(rows).toContainEqual(["Question ID", "Used", "No answer", "Not asked", "Excluded"]);
    for (const [id, account] of Object.entries(report.validation!.questions)) {
      expect(rows).toContainEqual([id, account.used, account.missing, account.notAsked, account.excluded]);
    }
    // 140 of the 147 Facebook users answered; the 55 without a profile were not asked.
    expect(rows).toContainEqual(["real_name", 140, 7, 55, 0]);
  });

  it("writes French headers, labels and a percent format with a no-break space", async () => {
    const { report } = await moubarakReport("fr-FR");
    const workbook = await readBack(await toXlsx(report, { locale: "fr-FR", decimals: 1, created: CREATED }));
    const sheet = workbook.worksheets[0]!;
    const header = headerOf(sheet);
    expect([...header.keys()]).toContain("IC 95\u202f% Borne inf.");
    expect(sheet.getRow(3).getCell(header.get("%")!).numFmt).toBe('0.0"\u00a0"%');
    expect(sheet.getRow(3).getCell(header.get("Réponse")!).value).toBe(report.sections[0]!.rows[0]!.categoryLabel);
    expect(workbook.worksheets.at(-1)!.name).toBe("Notes");
    expect(workbook.worksheets.at(-1)!.getCell(5, 1).value).toBe("Lignes lues");
  });

  it("keeps labels as text: formula-like labels get a leading apostrophe, markup stays as typed", async () => {
    const decline = friendRequestRows[0]!;
    const rows = [
      { ...decline, categoryLabel: '=HYPERLINK("http://x","click")' },
      { ...decline, category: "other", categoryLabel: "<b>Tom & Jerry</b>" },
    ];
    const bytes = await toXlsx({ title: "@title", sections: [{ heading: "-heading: [1/2]", rows }] }, { created: CREATED });
    const workbook = await readBack(bytes);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("1 -heading 1 2");
    expect(sheet.getCell(1, 1).value).toBe("'-heading: [1/2]");
    expect(sheet.getCell(3, 2).value).toBe("'=HYPERLINK(\"http://x\",\"click\")");
    expect(sheet.getCell(3, 2).formula).toBeUndefined();
    expect(sheet.getCell(4, 2).value).toBe("<b>Tom & Jerry</b>");
  });

  it("writes weighted counts as their own columns and says the table is weighted", async () => {
    const decline = friendRequestRows[0]!;
    const rows = [{ ...decline, weightedCount: 1520.25, weightedBase: 1780.5 }];
    const sheet = (await readBack(await toXlsx({ title: "t", sections: [{ heading: "h", rows }] }, { created: CREATED }))).worksheets[0]!;
    const header = headerOf(sheet);
    expect(sheet.getRow(3).getCell(header.get("Weighted n")!).value).toBe(1520.25);
    expect(sheet.getRow(3).getCell(header.get("Weighted base")!).value).toBe(1780.5);
    expect(sheet.getCell(7, 1).value).toMatch(/^Weighted, design-based/);
  });

  it("gives the same bytes for the same report and date, and stamps that date", async () => {
    const { report } = await moubarakReport("en-US", ["friend_request"]);
    const first = await toXlsx(report, { created: CREATED });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await toXlsx(report, { created: CREATED });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect((await readBack(first)).created.toISOString()).toBe("2026-03-01T12:00:00.000Z");
  });

  it("lists every loading problem in the Notes sheet with its row, column, value, code and reason", async () => {
    const decline = friendRequestRows[0]!;
    const issues = Array.from({ length: 52 }, (_, index) => ({ code: "E_BAD_VALUE" as const, row: index + 2, column: "q1", value: `=x${index}`, question: "q1", reason: "not a code of the codebook" }));
    const validation = { rowsRead: 60, questions: { q1: { rowsRead: 60, used: 8, missing: 0, notAsked: 0, excluded: 52 } }, issues };
    const notes = (await readBack(await toXlsx({ title: "t", sections: [{ heading: "h", rows: [decline] }], validation }, { created: CREATED }))).getWorksheet("Notes")!;
    const rows: unknown[][] = [];
    notes.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(["Row", "Column", "Value", "Code", "Question ID", "Reason"]);
    expect(rows).toContainEqual([2, "q1", "'=x0", "E_BAD_VALUE", "q1", "not a code of the codebook"]);
    expect(rows).toContainEqual([53, "q1", "'=x51", "E_BAD_VALUE", "q1", "not a code of the codebook"]);
  });

  it("says on the Notes sheet how the weights were calibrated (calibrationSummary's line)", async () => {
    const decline = friendRequestRows[0]!;
    const calibration = { kind: "rake" as const, weights: new Float64Array(0), iterations: 3, converged: true, maxDiscrepancy: 0.25, margins: [{ name: "sex", cells: new Int32Array(0), weightsBefore: new Float64Array(0), weightsAfter: new Float64Array(0) }] };
    const notes = (await readBack(await toXlsx({ title: "t", sections: [{ heading: "h", rows: [decline] }], calibration }, { created: CREATED }))).getWorksheet("Notes")!;
    const texts: unknown[] = [];
    notes.eachRow((row) => texts.push(row.getCell(1).value));
    expect(texts).toContain("Raked on sex: converged after 3 cycles; largest distance of a margin total from its population count 0.25.");
  });
});
