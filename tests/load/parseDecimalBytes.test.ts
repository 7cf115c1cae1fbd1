import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDecimalBytes } from "../../src/load/stream/parseDecimalBytes";

const bytes = (text: string) => new TextEncoder().encode(text);
const parse = (text: string) => parseDecimalBytes(bytes(text), 0, bytes(text).length);

/** A weight or fpc cell's number as designNumber reads it (decimal comma allowed). */
const designValue = (text: string) => Number(text.replace(",", "."));

describe("parseDecimalBytes", () => {
  it("reads a plain decimal exactly as Number() does", () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,9}$/), fc.option(fc.stringMatching(/^[0-9]{1,6}$/)), fc.constantFrom(".", ","))
      .map(([negative, whole, fraction, point]) => `${negative ? "-" : ""}${whole}${fraction === null ? "" : point + fraction}`);
    fc.assert(fc.property(decimal, (text) => Object.is(parse(text), designValue(text))), { numRuns: 5000 });
    for (const text of ["0.1", "0.3", "1.005", "2.675", "123456789.12345", "-0", "0,5", "007", "999999999999999"]) {
      expect(Object.is(parse(text), designValue(text)), text).toBe(true);
    }
  });

  it("leaves to the text path what is not a plain decimal", () => {
    for (const text of ["", "-", ".5", "5.", "1e3", " 1", "1 ", '"1"', "+1", "1.2.3", "1,2,3", "NaN", "Infinity", "1234567890123456", "0x10"]) {
      expect(parse(text), text).toBeNaN();
    }
  });
});
