import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/report";
import { friendRequestRows } from "../../examples/moubarakEstimates";

const decline = friendRequestRows[0]!;

describe("toCsv", () => {
  it("writes a header and one CRLF line per row with full-precision numbers", () => {
    const lines = toCsv([decline]).split("\r\n");
    expect(lines[0]).toBe("question,questionLabel,category,categoryLabel,count,base,proportion,lower,upper,level,method");
    expect(lines[1]).toBe(`friend_request,If a patient sent a friend request,decline,Would decline,152,178,${152 / 178},0.794582,0.89833,0.95,wilson`);
    expect(lines[2]).toBe("");
  });

  it("gives each group key its own column after the labels", () => {
    const csv = toCsv([{ ...decline, group: { position: "resident", site: "Rouen" } }, decline]);
    const [header, grouped, whole] = csv.split("\r\n");
    expect(header).toMatch(/^question,questionLabel,category,categoryLabel,group\.position,group\.site,count,/);
    expect(grouped).toContain(",Would decline,resident,Rouen,152,");
    expect(whole).toContain(",Would decline,,,152,");
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    const evil = ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"];
    const csv = toCsv(evil.map((label) => ({ ...decline, categoryLabel: label })));
    const labels = csv.split("\r\n").slice(1, -1);
    expect(labels[0]).toContain(',"\'=HYPERLINK(""http://x"")",');
    expect(labels[1]).toContain(",'+1,");
    expect(labels[2]).toContain(",'-2+3,");
    expect(labels[3]).toContain(",'@SUM(A1),");
    expect(labels[4]).toContain(",'\tx,");
    expect(csv).toContain(`,"'\rx",`);
  });

  it("quotes delimiters, quotes and line breaks, and leaves numbers alone", () => {
    const csv = toCsv([{ ...decline, questionLabel: 'Say "no", then\nleave' }], { delimiter: ";" });
    expect(csv.split("\r\n")[1]).toMatch(/^friend_request;"Say ""no"", then\nleave";decline;/);
    expect(toCsv([{ ...decline, questionLabel: "a;b" }], { delimiter: ";" })).toContain(';"a;b";');
    expect(toCsv([{ ...decline, proportion: -0.5 }])).toContain(",-0.5,");
  });

  it("adds optional columns only when some row has them", () => {
    const header = toCsv([{ ...decline, se: 0.02, deff: 1.3 }, decline]).split("\r\n")[0];
    expect(header).toBe("question,questionLabel,category,categoryLabel,count,base,proportion,lower,upper,level,method,se,deff");
  });
});
