import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/load";

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
    expect(parseCsv("nom;note\nA;1,5\nB;2,5\n").rows).toEqual([
      ["A", "1,5"],
      ["B", "2,5"],
    ]);
    expect(parseCsv("a\tb\n1\t2\n").rows).toEqual([["1", "2"]]);
  });

  it("reports an unterminated quote with its row, blank lines counted", () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toThrowError(
      expect.objectContaining({ code: "E_CSV_PARSE", row: 3, column: "b", value: "open\n4,5\n" }),
    );
    expect(() => parseCsv('a,b\n\n1,2\n3,"open\n')).toThrowError(expect.objectContaining({ code: "E_CSV_PARSE", row: 4 }));
  });

  it("skips lines of white space or bare delimiters, as blank spreadsheet rows", () => {
    const table = parseCsv("a;b \r\n1;2  \r\n   \r\n;\r\n3;4\r\n\r\n");
    expect(table.header).toEqual(["a", "b"]);
    expect(table.rows).toEqual([
      ["1", "2  "],
      ["3", "4"],
    ]);
    expect(table.rowNumbers).toEqual([2, 5]);
    expect(table.delimiter).toBe(";");
  });

  it("uses a forced delimiter", () => {
    expect(parseCsv("a;b,c\n1;2,3\n", { delimiter: "," }).rows).toEqual([["1;2", "3"]]);
  });

  it("refuses an empty file", () => {
    expect(() => parseCsv(" \n")).toThrowError(expect.objectContaining({ code: "E_EMPTY_FILE" }));
    expect(() => parseCsv(";;\n\n")).toThrowError(expect.objectContaining({ code: "E_EMPTY_FILE" }));
  });
});
