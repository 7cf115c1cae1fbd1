import { describe, expect, it } from "vitest";
import { roundDecimal } from "../../src/charts/roundDecimal";
import { intervalDigits, intervalName, percentText } from "../../src/charts/percentText";
import type { Estimate } from "../../src/types";
import { facebookRows } from "../../examples/moubarakEstimates";

const facebook = facebookRows[0]!;
const row = (count: number, base: number, extra: Partial<Estimate> = {}): Estimate => ({
  question: "q", questionLabel: "Q", category: "yes", categoryLabel: "Yes",
  count, base, proportion: count / base, lower: 0, upper: 1, level: 0.95, method: "wilson", ...extra,
});

describe("roundDecimal", () => {
  it("rounds the decimal a person reads, not the binary float", () => {
    expect((0.475).toFixed(2)).toBe("0.47"); // the float trap this function exists for
    expect(roundDecimal(0.475, { decimals: 2 })).toBe("0.48");
    expect(roundDecimal(0.475, { shift: 2 })).toBe("48");
    expect(roundDecimal(0.665, { shift: 2 })).toBe("67");
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(roundDecimal(1.005, { decimals: 2 })).toBe("1.01");
  });
  it("keeps digits, pads, and handles exponent notation", () => {
    expect(roundDecimal(0.66151, { shift: 2, decimals: 1 })).toBe("66.2");
    expect(roundDecimal(0.5, { shift: 2, decimals: 2 })).toBe("50.00");
    expect(roundDecimal(1e-7, { shift: 2, decimals: 1 })).toBe("0.0");
    expect(roundDecimal(1.5e21)).toBe("1500000000000000000000");
    expect(roundDecimal(0)).toBe("0");
  });
  it("rounds halves away from zero for negative numbers and never prints -0", () => {
    expect(roundDecimal(-0.125, { decimals: 2 })).toBe("-0.13");
    expect(roundDecimal(-0.001, { decimals: 1 })).toBe("0.0");
  });
  it("rejects what it cannot round", () => {
    expect(() => roundDecimal(Number.NaN)).toThrow(/E_ARGUMENT/);
    expect(() => roundDecimal(0.5, { decimals: 16 })).toThrow(/E_ARGUMENT/);
  });
});

describe("percentText", () => {
  it("writes 147/202 as 73% in English and 73 % (narrow no-break space) in French", () => {
    expect(percentText(facebook, { locale: "en-US", decimals: 0 })).toBe("73%");
    expect(percentText(facebook, { locale: "fr-FR", decimals: 0 })).toBe("73\u202f%");
    expect(percentText(facebook, { locale: "fr-FR", decimals: 1 })).toBe("72,8\u202f%");
  });
  it("rounds an exact half up on count/base (19/40 = 47.5 %)", () => {
    expect(percentText(row(19, 40), { locale: "en-US", decimals: 0 })).toBe("48%");
    expect(percentText(row(5, 477), { locale: "en-US", decimals: 2 })).toBe("1.05%");
  });
  it("uses the proportion of a weighted row, not count/base", () => {
    const weighted = row(10, 40, { weightedCount: 12.3, weightedBase: 41, proportion: 0.3 });
    expect(percentText(weighted, { locale: "en-US", decimals: 0 })).toBe("30%");
  });
});

describe("interval texts", () => {
  it("writes the limits with an en dash and the locale's decimal separator", () => {
    expect(intervalDigits(facebook, { locale: "en-US", decimals: 0 })).toBe("66–78");
    expect(intervalDigits(facebook, { locale: "fr-FR", decimals: 1 })).toBe("66,3–78,4");
  });
  it("names the level in each locale", () => {
    expect(intervalName(0.95, "en-US")).toBe("95% CI");
    expect(intervalName(0.95, "fr-FR")).toBe("IC 95\u202f%");
    expect(intervalName(0.995, "fr-FR")).toBe("IC 99,5\u202f%");
    expect(intervalName(0.9, "en-US")).toBe("90% CI");
    expect(() => intervalName(1, "en-US")).toThrow(/E_ARGUMENT/);
  });
});
