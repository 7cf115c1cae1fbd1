import { describe, expect, it } from "vitest";
import { detectExportFormat, parseCsv, readTable } from "../../src/load";

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

describe("readTable and platform exports", () => {
  it("turns Qualtrics' three header rows into one, keeping question texts as labels", async () => {
    const table = await readTable(fixture("qualtrics.csv"));
    expect(table.format).toBe("qualtrics");
    expect(table.header.slice(3, 5)).toEqual(["ResponseId", "fb"]);
    expect(table.labels?.[4]).toBe("Avez-vous un profil Facebook ?");
    expect(table.rows).toHaveLength(8);
    expect(table.rows[0]?.[3]).toBe("R_001");
    expect(table.rowNumbers[0]).toBe(4);
  });

  it("detects LimeSurvey and REDCap exports from their columns, and plain files otherwise", async () => {
    expect((await readTable(fixture("limesurvey-codes.csv"))).format).toBe("limesurvey");
    expect((await readTable(fixture("limesurvey-full-answers.csv"))).format).toBe("limesurvey");
    expect((await readTable(fixture("redcap.csv"))).format).toBe("redcap");
    expect((await readTable(fixture("comma-utf8.csv"))).format).toBe("plain");
    expect(detectExportFormat(parseCsv("study_id,smoke___1,smoke___2\n1,0,1\n"))).toBe("redcap");
  });

  it("reads a file as the format it is told", async () => {
    const asPlain = await readTable(fixture("qualtrics.csv"), { format: "plain" });
    expect(asPlain.rows).toHaveLength(10);
    expect(asPlain.labels).toBeUndefined();
    await expect(readTable(fixture("comma-utf8.csv"), { format: "spss" as never })).rejects.toMatchObject({
      code: "E_ARGUMENT",
      value: "spss",
    });
  });

  it("refuses a file with a header and no answers", async () => {
    await expect(readTable(fixture("header-only.csv"))).rejects.toMatchObject({ code: "E_NO_ROWS" });
    const qualtricsHeaders = (await readTable(fixture("qualtrics.csv"), { format: "plain" })).rows.slice(0, 2);
    const headerOnly = ["StartDate,EndDate,Progress,ResponseId,fb,photo,req,service,note,trust", ...qualtricsHeaders.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(","))].join("\n");
    await expect(readTable(`${headerOnly}\n`)).rejects.toMatchObject({ code: "E_NO_ROWS" });
  });
});
