import type { Source } from "../readSourceText";
import { CsvRecordScanner } from "./CsvRecordScanner";
import { isFilePath, sourceChunks } from "./sourceChunks";

/** Whether a source can be read a second time. */
export function rereadable(source: Source): boolean {
  return isFilePath(source) || source instanceof Uint8Array || source instanceof Blob || typeof source === "string";
}

/** The spreadsheet row of byte `offset` of a source that can be read again, reading up to it. */
export async function rowAtStreamOffset(source: Source, offset: number, delimiter: string): Promise<number> {
  const scanner = new CsvRecordScanner(delimiter.charCodeAt(0), () => {}, { fields: 1 });
  let size = 0;
  for await (const chunk of sourceChunks(source)) {
    if (size >= offset) break;
    scanner.push(chunk.subarray(0, offset - size));
    size += chunk.length;
  }
  return scanner.finish({ allowOpenQuote: true }).lineBreaks + 1;
}
