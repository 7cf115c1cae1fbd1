import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "../../src/load";

describe("sniffDelimiter", () => {
  it("takes the semicolon of a French Excel file whose numbers have decimal commas", () => {
    // papaparse's own guess takes the comma here: every answer row splits into two on "1,5".
    expect(sniffDelimiter("nom;note\nA;1,5\nB;2,5\nC;3,25\n")).toBe(";");
  });

  it("ignores delimiters inside quotes", () => {
    expect(sniffDelimiter('avis;note\n"Oui, mais non";2\n"Non, jamais";3\n')).toBe(";");
    expect(sniffDelimiter('a,b\n"x;y;z",1\n"p;q;r",2\n')).toBe(",");
  });

  it("finds tabs and commas, and falls back to the comma for one column", () => {
    expect(sniffDelimiter("a\tb\tc\n1\t2\t3\n")).toBe("\t");
    expect(sniffDelimiter("a,b\r\n1,2\r\n")).toBe(",");
    expect(sniffDelimiter("only\n1\n2\n")).toBe(",");
  });

  it("prefers the delimiter that splits the answer rows like the header", () => {
    // The header splits on both, but only ";" gives every answer row the header's field count.
    expect(sniffDelimiter("a;b,c\n1;2\n3;4\n")).toBe(";");
  });
});
