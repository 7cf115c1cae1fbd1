import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readSourceText } from "../../src/load";

const fixture = new URL("../fixtures/comma-utf8.csv", import.meta.url);
const text = "id,service\n1,Pédiatrie\n2,Médecine\n";
const utf8 = new TextEncoder().encode(text);
/** Index of the second byte of the first "é": a cut there splits the character in two. */
const insideAccent = utf8.indexOf(0xc3) + 1;
const windows1252 = Uint8Array.from(text, (char) => (char === "é" ? 0xe9 : char.charCodeAt(0)));

function cutAt(bytes: Uint8Array, at: number): Uint8Array[] {
  return [bytes.slice(0, at), bytes.slice(at)];
}

describe("readSourceText: sources", () => {
  it("reads CSV text, a path, a file: URL, bytes and a Blob or File alike", async () => {
    const expected = await readSourceText(fixture);
    expect(expected).toContain("Pédiatrie");
    expect(await readSourceText(fileURLToPath(fixture))).toBe(expected);
    expect(await readSourceText(new TextEncoder().encode(expected))).toBe(expected);
    expect(await readSourceText(new Blob([expected]))).toBe(expected);
    expect(await readSourceText(new File([windows1252], "export.csv"))).toBe(text);
    expect(await readSourceText(expected)).toBe(expected);
  });

  it("keeps an accent split across two chunks of a Node Readable", async () => {
    expect(insideAccent).toBeGreaterThan(0);
    const stream = Readable.from(cutAt(utf8, insideAccent).map((chunk) => Buffer.from(chunk)));
    expect(await readSourceText(stream)).toBe(text);
  });

  it("keeps an accent split across two chunks of a web ReadableStream, read through its reader", async () => {
    const chunks = cutAt(utf8, insideAccent);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    // A browser's ReadableStream may not be async iterable: offer only getReader.
    const readerOnly = { getReader: () => stream.getReader() } as unknown as ReadableStream<Uint8Array>;
    expect(await readSourceText(readerOnly)).toBe(text);
  });

  it("reads Windows-1252 from a stream, sniffed or forced", async () => {
    expect(await readSourceText(Readable.from(cutAt(windows1252, 15).map((c) => Buffer.from(c))))).toBe(text);
    expect(await readSourceText(windows1252, { encoding: "windows-1252" })).toBe(text);
  });

  it("drops a UTF-8 BOM, even when Windows-1252 was asked for", async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(await readSourceText(withBom)).toBe(text);
    expect(await readSourceText(withBom, "windows-1252")).toBe(text);
  });

  it("refuses bytes that are not UTF-8 when UTF-8 is forced", async () => {
    await expect(readSourceText(windows1252, "utf-8")).rejects.toMatchObject({ code: "E_ENCODING" });
  });
});

describe("readSourceText: refusals", () => {
  it("refuses binary data", async () => {
    await expect(readSourceText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).rejects.toMatchObject({
      code: "E_BINARY_FILE",
    });
    await expect(readSourceText("a,b\n1,\u0000\n")).rejects.toMatchObject({ code: "E_BINARY_FILE" });
  });

  it("refuses a source over maxBytes, and stops reading a stream there", async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 1;
        yield new Uint8Array(1024).fill(0x61);
      }
    }
    await expect(readSourceText(endless(), { maxBytes: 4096 })).rejects.toMatchObject({ code: "E_TOO_LARGE" });
    expect(pulled).toBe(5);
    await expect(readSourceText(fixture, { maxBytes: 100 })).rejects.toMatchObject({ code: "E_TOO_LARGE" });
    await expect(readSourceText(text, { maxBytes: 10 })).rejects.toMatchObject({ code: "E_TOO_LARGE" });
    expect(await readSourceText(text, { maxBytes: utf8.length })).toBe(text);
    await expect(readSourceText(new Blob([utf8]), { maxBytes: utf8.length - 1 })).rejects.toMatchObject({ code: "E_TOO_LARGE" });
  });

  it("names a missing file", async () => {
    await expect(readSourceText("no/such/file.csv")).rejects.toMatchObject({
      code: "E_IO",
      message: expect.stringContaining("no/such/file.csv"),
    });
  });
});
