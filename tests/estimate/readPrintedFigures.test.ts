import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkFigures, readPrintedFigures } from "../../src";
import { sourcesFile } from "../paths";
import { surveyErrorOf } from "../surveyErrorOf";

describe("readPrintedFigures", () => {
  it("reads a collected-sources file (key, numerator, denominator, percent_reported_text) and skips entries with no printed figure", () => {
    const { figures, skipped } = readPrintedFigures(readFileSync(sourcesFile("moubarak-2011.json"), "utf8"));
    expect(figures).toHaveLength(22);
    expect(skipped).toBe(9);
    expect(figures).toContainEqual({ label: "Had a Facebook profile", printed: "73", count: 147, base: 202 });
    const realName = figures.find((figure) => figure.label === "Displayed real name on profile");
    expect(realName).toEqual({ label: "Displayed real name on profile", printed: "99", count: 138 });
    const [verdict] = checkFigures([realName!], { max: 202 });
    expect(verdict?.denominators).toEqual([139, 140]);
  });

  it("reads CSV with a BOM, header case and spaces, French decimals, quoted commas and empty cells as absent", () => {
    const csv = "\uFEFF Label ,PRINTED,count,base,group\n\"Yes, often\",\"65,8 %\",,,\nA,50,1,2,g\nB,50,1,2,g\n";
    expect(readPrintedFigures(csv)).toEqual({
      figures: [
        { label: "Yes, often", printed: "65,8 %" },
        { label: "A", printed: "50", count: 1, base: 2, group: "g" },
        { label: "B", printed: "50", count: 1, base: 2, group: "g" },
      ],
      skipped: 0,
    });
  });

  it("reads a JSON array or a { figures } object, numbers as text where text is expected", () => {
    const figure = { label: 7, printed: 73, count: "147", base: 202 };
    const expected = { figures: [{ label: "7", printed: "73", count: 147, base: 202 }], skipped: 0 };
    expect(readPrintedFigures(JSON.stringify([figure]))).toEqual(expected);
    expect(readPrintedFigures(JSON.stringify({ figures: [figure] }))).toEqual(expected);
  });

  it("takes the format from the option over the content", () => {
    expect(() => readPrintedFigures("label,printed\nA,50\n", { format: "json" })).toThrow(/E_BAD_VALUE: the figures file is not valid JSON/);
  });

  it("names the code, row or JSON path, column and value of a malformed figure", () => {
    const badCount = surveyErrorOf(() => readPrintedFigures("label,printed,count\nA,50,1\nB,50,two\n"));
    expect([badCount.code, badCount.row, badCount.column, badCount.value]).toEqual(["E_BAD_VALUE", 3, "count", "two"]);
    const overBase = surveyErrorOf(() => readPrintedFigures('{"figures":[{"label":"A","printed":"50","numerator":5,"denominator":4}]}'));
    expect([overBase.code, overBase.path, overBase.column, overBase.reason]).toEqual(["E_BAD_VALUE", "figures[0]", "count", "count exceeds the base 4"]);
    const noPrinted = surveyErrorOf(() => readPrintedFigures("label,count\nA,1\n"));
    expect([noPrinted.code, noPrinted.row, noPrinted.reason]).toEqual(["E_CSV_PARSE", 1, 'the header has no "printed" column']);
    const twoBases = surveyErrorOf(() => readPrintedFigures("label,printed,count,base,group\nA,50,1,2,g\nB,50,2,4,g\n"));
    expect([twoBases.row, twoBases.column, twoBases.value]).toEqual([3, "base", "4"]);
    expect(surveyErrorOf(() => readPrintedFigures(" \n")).code).toBe("E_EMPTY_FILE");
    expect(surveyErrorOf(() => readPrintedFigures("[1]")).path).toBe("[0]");
  });
});
