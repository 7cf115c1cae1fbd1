import type { Codebook } from "../codebook";
import type { CsvTable } from "../load";
import { emptyRecordBatch, type BatchHandler } from "../load/stream/CsvRecordScanner";
import { SurveyBuilder } from "./SurveyBuilder";
import type { Survey, SurveyOptions } from "./types";

/** Rows handed to the builder at a time. */
const BATCH_SIZE = 1024;

/**
 * Builds a `Survey` from a table already read (`parseCsv`, `readTable`) and a checked codebook, by
 * the one builder of every reading path (`SurveyBuilder`, see there for what happens to bad rows):
 * codes every question once, applies missing codes and filters, and accounts for every row of
 * every question in `survey.report`. Strict mode throws the problem on the earliest row instead.
 *
 * @param table - The parsed table (`readTable`, `parseCsv`).
 * @param codebook - The codebook (checked as `parseCodebook` does).
 * @param options - A design to use, and `strict` to stop at the first problem.
 * @returns The survey: codebook, design, coded answers and the validation report.
 * @throws {@link SurveyError} `E_CODEBOOK` or `E_UNKNOWN_COLUMN` for a codebook that does not fit
 *   the table; with `strict`, the first problem of the data.
 *
 * @example
 * ```ts
 * import { parseCsv, surveyFromTable } from "svyprop";
 *
 * const table = parseCsv("fb,real_name\nOui,Oui\nNon,\nOui,Non\nNon,Oui\n");
 * const survey = surveyFromTable(table, {
 *   questions: [
 *     { id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] },
 *     { id: "real_name", column: "real_name", type: "binary", positive: ["Oui"], negative: ["Non"], filter: { question: "fb", equals: "yes" } },
 *   ],
 * });
 * survey.report.questions.real_name; // → { rowsRead: 4, used: 2, notAsked: 1, excluded: 1 }
 * // The last respondent has no Facebook profile yet answered: a skip-logic violation, left out.
 * survey.report.issues; // → [{ code: "E_SKIP_LOGIC", row: 5, column: "real_name", value: "Oui" }]
 * ```
 */
export function surveyFromTable(table: CsvTable, codebook: Codebook, options: SurveyOptions = {}): Survey {
  const delimiter = table.delimiter ?? ",";
  const builder = new SurveyBuilder(codebook, { names: table.header, delimiter }, new TextDecoder("utf-8", { ignoreBOM: true }), {
    ...options,
    rowNumbers: table.rowNumbers,
  });
  tableRecords(table.rows, table.header.length + 1, delimiter.charCodeAt(0), builder.batch);
  return builder.finish({
    ...(table.delimiter === undefined ? {} : { delimiter: table.delimiter }),
    ...(table.format === undefined ? {} : { format: table.format }),
    ...(table.encoding === undefined ? {} : { encoding: table.encoding }),
  });
}

/**
 * Hands rows of cells to a batch handler as `CsvRecordScanner` would hand their records: each cell
 * written as a quoted UTF-8 field (so its text comes back unchanged from `decodeField`), the cells
 * of a row separated by the delimiter.
 */
function tableRecords(rows: readonly string[][], fields: number, delimiter: number, onBatch: BatchHandler): void {
  const encoder = new TextEncoder();
  const batch = emptyRecordBatch(BATCH_SIZE, fields);
  for (let first = 0; first < rows.length; first += BATCH_SIZE) {
    const parts: Uint8Array[] = [];
    let length = 0;
    batch.count = Math.min(BATCH_SIZE, rows.length - first);
    for (let r = 0; r < batch.count; r++) {
      const cells = rows[first + r] as string[];
      batch.fieldCounts[r] = cells.length;
      batch.extents[2 * r] = length;
      cells.forEach((cell, f) => {
        const quoted = encoder.encode(`"${cell.replaceAll('"', '""')}"`);
        if (f > 0) {
          parts.push(Uint8Array.of(delimiter));
          length += 1;
        }
        if (f < fields) {
          batch.bounds[2 * (f * BATCH_SIZE + r)] = length;
          batch.bounds[2 * (f * BATCH_SIZE + r) + 1] = length + quoted.length;
        }
        parts.push(quoted);
        length += quoted.length;
      });
      batch.extents[2 * r + 1] = length;
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    onBatch(bytes, batch);
  }
}
