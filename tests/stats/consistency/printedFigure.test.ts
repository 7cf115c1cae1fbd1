import { describe, expect, it } from "vitest";
import { parsePrintedFigure } from "../../../src/stats/consistency";

describe("parsePrintedFigure", () => {
  it("reads the ways a percentage is printed, keeping its decimals", () => {
    expect(parsePrintedFigure("73")).toEqual({ units: 73n, decimals: 0 });
    expect(parsePrintedFigure("73%")).toEqual({ units: 73n, decimals: 0 });
    expect(parsePrintedFigure("73 %")).toEqual({ units: 73n, decimals: 0 });
    expect(parsePrintedFigure("73\u202f%")).toEqual({ units: 73n, decimals: 0 });
    expect(parsePrintedFigure(" 65.8 ")).toEqual({ units: 658n, decimals: 1 });
    expect(parsePrintedFigure("65,8 %")).toEqual({ units: 658n, decimals: 1 });
    expect(parsePrintedFigure("1.05")).toEqual({ units: 105n, decimals: 2 });
    expect(parsePrintedFigure("0.0")).toEqual({ units: 0n, decimals: 1 });
  });

  it("rejects text that is not a printed percentage, naming the argument", () => {
    for (const bad of ["", "%", "-3", "73.", ".5", "1e2", "n/a", "73 %%", "7 3"]) {
      expect(() => parsePrintedFigure(bad)).toThrow(/E_ARGUMENT: printed/);
    }
    expect(() => parsePrintedFigure(73 as unknown as string)).toThrow(/E_ARGUMENT: printed/);
  });
});
