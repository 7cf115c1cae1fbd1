import { describe, expect, it } from "vitest";
import { parseCsv, readSourceText } from "../../src/load";
import { SurveyError } from "../../src/errors";

describe("parseCsv", () => {
  it("keeps quoted commas, escaped quotes and quoted newlines in their cell", () => {
    const table = parseCsv('id,comment\r\n1,"Oui, mais ""rarement""\r\nvraiment"\r\n2,non\r\n');
    expect(table.header).toEqual(["id", "comment"]);
    expect(table.rows).toEqual([
      ["1", 'Oui, mais "rarement"\r\nvraiment'],
      ["2", "non"],
    ]);
  });

  it("numbers rows as a spreadsheet does, counting blank lines and not quoted newlines", () => {
    const table = parseCsv('a,b\n1,"x\ny"\n\n2,3\n');
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  it("sniffs the semicolon of French Excel and the tab", () => {
    expect(parseCsv("a;b\n1,5;2\n").rows).toEqual([["1,5", "2"]]);
    expect(parseCsv("a\tb\n1\t2\n").rows).toEqual([["1", "2"]]);
  });

  it("reports an unterminated quote with its row", () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrowError(expect.objectContaining({ code: "E_CSV_PARSE", row: 3 }));
  });

  it("refuses an empty file", () => {
    expect(() => parseCsv(" \n")).toThrowError(SurveyError);
  });
});

describe("readSourceText", () => {
  it("drops a UTF-8 BOM and reads Windows-1252 bytes from French Excel", async () => {
    const utf8 = new TextEncoder().encode("\uFEFFq\nNe sait pas, déjà\n");
    expect(await readSourceText(utf8)).toBe("q\nNe sait pas, déjà\n");
    const latin = Uint8Array.from([0x71, 0x0a, 0x64, 0xe9, 0x6a, 0xe0, 0x0a]); // "q\ndéjà\n" in Windows-1252
    expect(await readSourceText(latin)).toBe("q\ndéjà\n");
  });

  it("never splits a multi-byte character across stream chunks", async () => {
    const bytes = new TextEncoder().encode("q\nrépondu\n");
    const cut = 4; // inside the two bytes of "é"
    async function* chunks() {
      yield bytes.slice(0, cut);
      yield bytes.slice(cut);
    }
    expect(await readSourceText(chunks())).toBe("q\nrépondu\n");
  });

  it("names a missing file", async () => {
    await expect(readSourceText("no/such/file.csv")).rejects.toMatchObject({ code: "E_IO" });
  });
});
