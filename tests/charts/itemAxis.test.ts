import { describe, expect, it } from "vitest";
import { itemAxis, itemStep, wrapLabel } from "../../src/charts/itemAxis";

describe("item axis labels", () => {
  it("break long labels at spaces, never inside the base's parenthesis", () => {
    expect(wrapLabel("Relationship would change only if the patient had open access (n = 184)", 30)).toEqual([
      "Relationship would change only", // 30 characters: the most a line may hold
      "if the patient had open access",
      "(n = 184)",
    ]);
    expect(wrapLabel("Short (n = 202)", 30)).toEqual(["Short (n = 202)"]);
  });

  it("look wrapped labels up in a labelExpr, leaving short ones alone, and make room for the lines", () => {
    const long = "Doctor–patient relationship would be altered if patients discovered their doctor has a Facebook account (n = 184)";
    const axis = itemAxis([long, "Has a Facebook profile (n = 202)"]).axis as { labelExpr?: string };
    expect(axis.labelExpr).toContain(JSON.stringify(long));
    expect(axis.labelExpr).not.toContain("Has a Facebook profile");
    expect(itemAxis(["Short"]).axis).not.toHaveProperty("labelExpr");
    expect(itemStep(["Short"], 30)).toBe(30);
    expect(itemStep([long], 30)).toBe(3 * 14 + 10);
  });
});
