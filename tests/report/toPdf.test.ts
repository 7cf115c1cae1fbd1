import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { toPdf } from "../../src/office";
import { estimateTable } from "../../src/report";
import { friendRequestRows } from "../../examples/moubarakEstimates";
import { CREATED, moubarakReport } from "./officeFixture";

// The PDF is read back with poppler-utils (pdftotext, pdfinfo, pdffonts; .ci/run installs them).
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "svyprop-pdf-"));
});

async function poppler(bytes: Uint8Array, name: string) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return {
    text: execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }),
    info: execFileSync("pdfinfo", [path], { encoding: "utf8" }),
    fonts: execFileSync("pdffonts", [path], { encoding: "utf8" }),
  };
}

/**
 * Text with runs of white space (pdftotext's line and column breaks) as one space, and no space
 * before "%" or ":": pdftotext writes the narrow no-break space of French as a space or drops it
 * (the rendered pages show it), so expected and extracted text are compared after this.
 */
const squeeze = (text: string) => text.replace(/\s+/g, " ").replace(/ (?=[%:])/g, "");

describe("toPdf", () => {
  it("writes the report on Letter pages in English: title, headings, every table cell, notes, page numbers, DejaVu Sans embedded", async () => {
    const { report } = await moubarakReport("en-US");
    const { text, info, fonts } = await poppler(await toPdf(report, { created: CREATED }), "en.pdf");
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/CreationDate:\s+Sun Mar\s+1 12:00:00 2026 UTC/);
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/DejaVuSans-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/Helvetica/);
    const flat = squeeze(text);
    expect(flat).toContain(squeeze(report.title));
    for (const section of report.sections) {
      expect(flat).toContain(squeeze(section.heading));
      // Every number cell of the section's table (n / base, %, interval) is on the page, in its row's order.
      for (const cells of estimateTable(section.rows).cells) expect(flat).toContain(squeeze(cells.slice(-3).join(" ")));
    }
    expect(flat).toContain(squeeze("n = 202. Error bars: 95% CI (Wilson, finite-population corrected)."));
    expect(flat).toContain(squeeze("Unweighted: every respondent counts once."));
    expect(flat).toContain(squeeze("Rows read: 202. Problems found: 0."));
    expect(flat).toContain(`Page 1 of ${pages}`);
    expect(flat).toContain(`Page ${pages} of ${pages}`);
  });

  it("writes French on A4 (the French default), Letter when asked", async () => {
    const { report } = await moubarakReport("fr-FR", ["friend_request"]);
    const { text, info } = await poppler(await toPdf(report, { locale: "fr-FR", created: CREATED }), "fr.pdf");
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
    const flat = squeeze(text);
    const [decline] = estimateTable(report.sections[0]!.rows, { locale: "fr-FR" }).cells;
    expect(decline!.slice(-3)).toEqual(["152 / 178", "85\u202f%", "81–89"]);
    expect(flat).toContain(squeeze("152 / 178 85\u202f% 81–89"));
    expect(flat).toContain(squeeze("Barres d’erreur\u202f: IC 95\u202f% (Wilson, corrigé pour population finie)"));
    expect(flat).toContain(squeeze("Lignes lues\u202f: 202. Problèmes relevés\u202f: 0."));
    expect(flat).toContain("Page 1 sur 1");
    const letter = await poppler(await toPdf(report, { locale: "fr-FR", pageSize: "Letter", created: CREATED }), "fr-letter.pdf");
    expect(letter.info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it("prints labels as written (no markup) and gives the same bytes for the same report and date", async () => {
    const decline = friendRequestRows[0]!;
    const report = { title: "<b>R&D</b> =1+1", sections: [{ heading: "Tom & Jerry <2>", rows: [{ ...decline, categoryLabel: "=HYPERLINK(\"x\")" }] }] };
    const first = await toPdf(report, { created: CREATED });
    const second = await toPdf(report, { created: CREATED });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const flat = squeeze((await poppler(first, "labels.pdf")).text);
    expect(flat).toContain("<b>R&D</b> =1+1");
    expect(flat).toContain("Tom & Jerry <2>");
    expect(flat).toContain('=HYPERLINK("x") 152 / 178 85% 79–90');
  });

  it("lists the loading problems with row, column and value, the first 50 of them", async () => {
    const decline = friendRequestRows[0]!;
    const issues = Array.from({ length: 52 }, (_, index) => ({ code: "E_BAD_VALUE" as const, row: index + 2, column: "q1", value: `x${index}`, question: "q1", reason: "not a code of the codebook" }));
    const validation = { rowsRead: 60, questions: { q1: { rowsRead: 60, used: 8, missing: 0, notAsked: 0, excluded: 52 } }, issues };
    const flat = squeeze((await poppler(await toPdf({ title: "t", sections: [{ heading: "h", rows: [decline] }], validation }, { created: CREATED }), "issues.pdf")).text);
    expect(flat).toContain(squeeze("Rows read: 60. Problems found: 52."));
    expect(flat).toMatch(/q1 8 0 0 52|8 0 0 52 q1/); // pdftotext may read the row’s cells in either order
    expect(flat).toContain('E_BAD_VALUE (Row 2, q1, "x0"): not a code of the codebook');
    expect(flat).toContain('E_BAD_VALUE (Row 51, q1, "x49")');
    expect(flat).not.toContain('"x50"');
    expect(flat).toContain("… and 2 more (the Excel report lists them all).");
  });
});
