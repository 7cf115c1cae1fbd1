import { noAnswerRows } from "./noAnswerRows";
import { SurveyError } from "../errors";
import { detectExportFormat, normalizeExport, type ExportFormat } from "./exportFormats";
import { chooseEncoding } from "./decodeBytes";
import type { CsvTable } from "./parseCsv";
import { readSourceBytes, type ReadSourceOptions, type Source } from "./readSourceText";
import { rowAtOffset, scanTable } from "./scanTable";
import { sniffDelimiterOf } from "./stream/readHeader";
import { textDecoderFor } from "./stream/textDecoderFor";

/**
 * The largest source `readTable` reads whole, and `loadSurvey` loads (without `maxBytes`): past
 * about 512 MiB, V8 cannot hold a file's text (it aborts in `DecodeLatin1`), so larger files must
 * be streamed.
 */
export const IN_MEMORY_LIMIT = 512 * 2 ** 20;

/** Options of `readTable`: encoding and size limit, delimiter and platform format. */
export interface ReadTableOptions extends ReadSourceOptions {
  /** Field delimiter; sniffed among `,` `;` tab when omitted. */
  delimiter?: string;
  /** The platform that exported the file; detected when omitted. */
  format?: ExportFormat;
}

/**
 * Source → table of answer rows: reads the bytes, chooses their encoding, scans the CSV by
 * the stream's rules (`scanTable`), brings a
 * platform export to one header row, and refuses a file with a header but no answers
 * (`E_NO_ROWS`).
 *
 * @param source - A file path, CSV text (a string with a line break), a URL, bytes, or a stream of chunks.
 * @param options - The encoding, `maxBytes`, delimiter (default: sniffed) and platform `format` (default: detected).
 * @returns The table: header, rows, spreadsheet row numbers, delimiter, format and encoding.
 * @throws {@link SurveyError} as `readSourceText` and `parseCsv`, and `E_NO_ROWS` for a header alone.
 *
 * @example
 * ```ts
 * import { readTable } from "svyprop";
 *
 * await readTable("id;answer\n1;oui\n2;non\n");
 * // → { header: ["id", "answer"], rows: [["1", "oui"], ["2", "non"]], delimiter: ";", format: "plain", encoding: "utf-8" }
 * ```
 */
export async function readTable(source: Source, options: ReadTableOptions = {}): Promise<CsvTable> {
  const bytes = await readSourceBytes(source, options.maxBytes ?? IN_MEMORY_LIMIT).catch((error: unknown) => {
    if (options.maxBytes !== undefined || !(error instanceof SurveyError) || error.code !== "E_TOO_LARGE") throw error;
    throw new SurveyError(
      "E_TOO_LARGE",
      `the file is over ${IN_MEMORY_LIMIT / 2 ** 20} MiB, more than is read whole in memory: stream it (svyprop estimate --stream, or tallyFile)`,
      error.value === undefined ? {} : { value: error.value },
    );
  });
  const encoding = chooseEncoding(bytes, options.encoding, (offset) =>
    rowAtOffset(bytes, offset, options.delimiter ?? sniffDelimiterOf(bytes, new TextDecoder("windows-1252"))),
  );
  const parsed = scanTable(bytes, textDecoderFor(encoding), options.delimiter);
  const table = normalizeExport(parsed, options.format ?? detectExportFormat(parsed));
  if (table.rows.length === 0) {
    throw noAnswerRows();
  }
  return { ...table, encoding };
}
