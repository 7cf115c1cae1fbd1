import { SurveyError } from "../errors";
import { detectExportFormat, normalizeExport, type ExportFormat } from "./exportFormats";
import { parseCsv, type CsvTable } from "./parseCsv";
import { readSourceText, type ReadSourceOptions, type Source } from "./readSourceText";

export interface ReadTableOptions extends ReadSourceOptions {
  /** Field delimiter; sniffed among `,` `;` tab when omitted. */
  delimiter?: string;
  /** The platform that exported the file; detected when omitted. */
  format?: ExportFormat;
}

/**
 * Source → table of answer rows: reads and decodes the bytes, parses the CSV, brings a
 * platform export to one header row, and refuses a file with a header but no answers
 * (`E_NO_ROWS`).
 */
export async function readTable(source: Source, options: ReadTableOptions = {}): Promise<CsvTable> {
  const text = await readSourceText(source, options);
  const parsed = parseCsv(text, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  const table = normalizeExport(parsed, options.format ?? detectExportFormat(parsed));
  if (table.rows.length === 0) {
    throw new SurveyError("E_NO_ROWS", `the file has a header (${table.header.length} columns) but no answer rows`);
  }
  return table;
}
