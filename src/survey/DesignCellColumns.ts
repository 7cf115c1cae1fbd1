import { parseNumberAnswer, type DesignSpec } from "../codebook";
import { ByteDictionary, hashBytes } from "../load/stream/ByteDictionary";
import type { RecordBatch } from "../load/stream/CsvRecordScanner";
import { decodeField } from "../load/stream/decodeField";
import { parseDecimalBytes } from "../load/stream/parseDecimalBytes";
import { grown } from "./grown";
import { designColumnNames, type DesignCells } from "./readDesignColumns";

/** Distinct raw cells of a text column remembered by their bytes; beyond them a cell is decoded each time. */
const DISTINCT_CELLS = 1 << 16;

/** A stratum, cluster or margin column: per record the number of its distinct trimmed text. */
interface TextColumn {
  field: number;
  cells: ByteDictionary;
  /** Per remembered raw cell: its distinct text's number. */
  textOfCell: Int32Array;
  numberOfText: Map<string, number>;
  texts: string[];
  rows: Int32Array;
}

/** A weight, fpc or replicate column: per record its number, and the first cell that is not one. */
interface NumberColumn {
  field: number;
  values: Float64Array;
  firstBad?: { row: number; text: string };
}

/**
 * The design columns of scanned records (respondents: records with the header's width of fields),
 * read record by record as `readDesignColumns` reads a table: numbers into a `Float64Array`
 * (a plain decimal straight from its bytes, `parseDecimalBytes`, else `parseNumberAnswer` on the
 * trimmed text: the same value), the first cell that is no number kept for `designNumber`'s
 * error; text cells trimmed, each distinct text one shared string.
 */
export class DesignCellColumns {
  private readonly text = new Map<string, TextColumn>();
  private readonly numbers = new Map<string, NumberColumn>();

  private constructor(design: DesignSpec, header: readonly string[]) {
    const names = designColumnNames(design, header);
    for (const name of names.text) {
      const field = header.indexOf(name);
      if (field >= 0) this.text.set(name, { field, cells: new ByteDictionary(DISTINCT_CELLS), textOfCell: new Int32Array(DISTINCT_CELLS), numberOfText: new Map(), texts: [], rows: new Int32Array(0) });
    }
    for (const name of names.numbers) {
      const field = header.indexOf(name);
      if (field >= 0) this.numbers.set(name, { field, values: new Float64Array(0) });
    }
  }

  /** The columns a design reads from a file with this header; undefined for a simple random sample. */
  static forDesign(design: DesignSpec, header: readonly string[]): DesignCellColumns | undefined {
    const { weights, strata, cluster, fpc, calibration } = design;
    if (weights === undefined && strata === undefined && cluster === undefined && typeof fpc !== "string" && calibration === undefined) return undefined;
    return new DesignCellColumns(design, header);
  }

  /** Makes room for `rows` records. */
  reserve(rows: number): void {
    for (const column of this.text.values()) column.rows = grown(column.rows, rows);
    for (const column of this.numbers.values()) column.values = grown(column.values, rows);
  }

  /** Reads records `first…` of a batch as records `start…`; `rowNumberOf` gives a record's spreadsheet row. */
  read(bytes: Uint8Array, batch: RecordBatch, first: number, start: number, decoder: TextDecoder, rowNumberOf: (record: number) => number): void {
    const { bounds, capacity } = batch;
    for (const column of this.numbers.values()) {
      const { field, values } = column;
      for (let r = first; r < batch.count; r++) {
        const record = start + r - first;
        const from = bounds[2 * (field * capacity + r)] as number;
        const to = bounds[2 * (field * capacity + r) + 1] as number;
        let value = parseDecimalBytes(bytes, from, to);
        if (Number.isNaN(value)) {
          const text = decodeField(bytes, from, to, decoder).trim();
          value = parseNumberAnswer(text);
          if (!Number.isFinite(value) && column.firstBad === undefined) column.firstBad = { row: rowNumberOf(record), text };
        }
        values[record] = value;
      }
    }
    for (const column of this.text.values()) {
      const { field, cells, textOfCell, rows } = column;
      for (let r = first; r < batch.count; r++) {
        const from = bounds[2 * (field * capacity + r)] as number;
        const to = bounds[2 * (field * capacity + r) + 1] as number;
        const hash = hashBytes(bytes, from, to);
        const entry = cells.find(bytes, from, to, hash);
        if (entry >= 0) {
          rows[start + r - first] = textOfCell[entry] as number;
          continue;
        }
        const text = decodeField(bytes, from, to, decoder).trim();
        let number = column.numberOfText.get(text);
        if (number === undefined) {
          number = column.texts.length;
          column.texts.push(text);
          column.numberOfText.set(text, number);
        }
        const added = cells.add(bytes, from, to, hash);
        if (added >= 0) textOfCell[added] = number;
        rows[start + r - first] = number;
      }
    }
  }

  /** The columns read, for `designColumnsOf`. */
  cells(header: readonly string[], rowNumbers: readonly number[]): DesignCells {
    const rowCount = rowNumbers.length;
    return {
      header,
      rowNumbers,
      text: (name) => {
        const column = this.text.get(name) as TextColumn;
        return Array.from(column.rows.subarray(0, rowCount), (number) => column.texts[number] as string);
      },
      numbers: (name) => {
        const column = this.numbers.get(name) as NumberColumn;
        return { values: column.values.subarray(0, rowCount), ...(column.firstBad ? { firstBad: column.firstBad } : {}) };
      },
    };
  }
}
