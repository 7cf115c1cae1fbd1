import { describe, expect, it } from "vitest";
import { toJson } from "../../src/report";
import type { Estimate } from "../../src/types";
import { friendRequestRows } from "../../examples/moubarakEstimates";

describe("toJson", () => {
  it("writes keys in the Estimate's documented order whatever order the rows were built in", () => {
    const decline = friendRequestRows[0]!;
    const shuffled = Object.fromEntries(Object.entries({ ...decline, group: { z: "1", a: "2" } }).reverse()) as unknown as Estimate;
    const json = toJson([shuffled]);
    expect(Object.keys(JSON.parse(json)[0])).toEqual([
      "question", "questionLabel", "category", "categoryLabel", "group", "count", "base", "proportion", "lower", "upper", "level", "method",
    ]);
    expect(json).toContain('"group": {\n      "a": "2",\n      "z": "1"\n    }');
  });

  it("round-trips the rows and is byte-identical for equal input", () => {
    expect(JSON.parse(toJson(friendRequestRows))).toEqual(friendRequestRows);
    expect(toJson(friendRequestRows)).toBe(toJson(friendRequestRows.map((row) => ({ ...row }))));
    expect(toJson(friendRequestRows).endsWith("]\n")).toBe(true);
  });
});
