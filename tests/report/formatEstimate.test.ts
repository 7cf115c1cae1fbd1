import { describe, expect, it } from "vitest";
import { formatEstimate } from "../../src/report";
import { facebookRows, friendRequestRows } from "../../examples/moubarakEstimates";

const facebook = facebookRows[0]!;

describe("formatEstimate", () => {
  it("writes English by default: 73% (95% CI 66–78)", () => {
    expect(formatEstimate(facebook)).toBe("73% (95% CI 66–78)");
  });
  it("writes French with decimal commas and narrow no-break spaces", () => {
    expect(formatEstimate(facebook, { locale: "fr-FR" })).toBe("73\u202f% (IC 95\u202f% 66–78)");
    expect(formatEstimate(facebook, { locale: "fr-FR", decimals: 1 })).toBe("72,8\u202f% (IC 95\u202f% 66,3–78,4)");
  });
  it("writes a zero count and its interval", () => {
    expect(formatEstimate(friendRequestRows[2]!, { decimals: 1 })).toBe("0.0% (95% CI 0.0–2.1)");
  });
  it("names other levels", () => {
    expect(formatEstimate({ ...facebook, level: 0.9 })).toBe("73% (90% CI 66–78)");
  });
});
