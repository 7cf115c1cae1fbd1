import type { DesignSpec } from "../../codebook";
import { samplingStages } from "../../codebook/samplingStages";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import { decodeField } from "../../load/stream/decodeField";
import { designNumber } from "../../survey/readDesignColumns";
import type { DesignColumnNames } from "../designTally";
import { ByteDictionary, hashBytes } from "../../load/stream/ByteDictionary";
import { DesignSlots } from "./DesignSlots";
import type { ColumnPlaces } from "./columnPlaces";
import { parseDecimalBytes } from "../../load/stream/parseDecimalBytes";

/** Distinct raw stratum and PSU cells remembered; beyond them a cell is decoded each time. */
const STRATA_CAPACITY = 4096;
const PSU_CAPACITY = 1 << 16;

/**
 * Reads the design columns (weights, strata, cluster, fpc) of streamed records, one batch at a
 * time, as `readDesignColumns` reads them in memory: cells trimmed, numbers by `designNumber`
 * (a plain decimal straight from its bytes, `parseDecimalBytes`, to the same value). Each record
 * gets its stratum's number and its slot in `slots` (see `DesignSlots`): a distinct raw stratum
 * or PSU cell is decoded once, and its numbers are remembered by its bytes.
 */
export class DesignReader {
  readonly names: DesignColumnNames;
  readonly slots: DesignSlots;
  /** Per design record of the batch (slot 0, 1, … for the rows passed to `readBatch`): weight, fpc, stratum number, PSU slot. */
  readonly weights: Float64Array | undefined;
  readonly fpc: Float64Array | number | undefined;
  readonly stratum: Int32Array;
  readonly slot: Int32Array;
  private readonly fields: { weights?: number; strata?: number; cluster?: number; fpc?: number };
  private readonly strataCells = new ByteDictionary(STRATA_CAPACITY);
  /** Per remembered stratum cell: its stratum's number. */
  private readonly strataOfCell = new Int32Array(STRATA_CAPACITY);
  private readonly psuCells = new ByteDictionary(PSU_CAPACITY);
  /** Per remembered PSU cell: its trimmed text. */
  private readonly psuCellText: string[] = [];
  /** Per stratum number: remembered PSU cell → PSU slot. */
  private readonly psuSlotOfCell: Map<number, number>[] = [];

  constructor(design: DesignSpec, columns: ColumnPlaces, batchSize: number) {
    // Every design column is in the file: `columnPlaces` refuses one it lacks (`requireColumns`).
    const field = (name: string): number => columns.place.get(name) as number;
    const { weights, strata } = design;
    const [{ cluster, fpc }] = samplingStages(design);
    this.fields = {
      ...(weights === undefined ? {} : { weights: field(weights) }),
      ...(strata === undefined ? {} : { strata: field(strata) }),
      ...(cluster === undefined ? {} : { cluster: field(cluster) }),
      ...(typeof fpc === "string" ? { fpc: field(fpc) } : {}),
    };
    this.names = {
      ...(weights === undefined ? {} : { weights }),
      ...(strata === undefined ? {} : { strata }),
      ...(cluster === undefined ? {} : { cluster }),
      ...(typeof fpc === "string" ? { fpc } : {}),
    };
    this.slots = new DesignSlots(cluster !== undefined, this.names);
    this.weights = weights === undefined ? undefined : new Float64Array(batchSize);
    this.fpc = typeof fpc === "number" ? fpc : fpc === undefined ? undefined : new Float64Array(batchSize);
    this.stratum = new Int32Array(batchSize);
    this.slot = new Int32Array(batchSize);
  }

  /** Reads the design cells of the batch's records `rows` (row indexes into the batch) into slots 0, 1, …. */
  readBatch(bytes: Uint8Array, batch: RecordBatch, rows: readonly number[], decoder: TextDecoder): void {
    const { fields, names, weights, fpc } = this;
    const bounds = batch.bounds;
    const start = (field: number, row: number): number => bounds[2 * (field * batch.capacity + row)] as number;
    const end = (field: number, row: number): number => bounds[2 * (field * batch.capacity + row) + 1] as number;
    const number = (field: number, row: number, column: string, code: "E_BAD_WEIGHT" | "E_FPC"): number => {
      const value = parseDecimalBytes(bytes, start(field, row), end(field, row));
      if (!Number.isNaN(value)) return value;
      const text = decodeField(bytes, start(field, row), end(field, row), decoder).trim();
      return designNumber(text, code, { row: (batch.linesBefore[row] as number) + 1, column });
    };
    const noStrata = fields.strata === undefined ? this.slots.stratum("") : -1;
    for (let slot = 0; slot < rows.length; slot++) {
      const row = rows[slot] as number;
      if (weights) weights[slot] = number(fields.weights as number, row, names.weights as string, "E_BAD_WEIGHT");
      const stratum = fields.strata === undefined ? noStrata : this.stratumOf(bytes, start(fields.strata, row), end(fields.strata, row), decoder);
      this.stratum[slot] = stratum;
      this.slot[slot] = fields.cluster === undefined ? stratum : this.psuOf(stratum, bytes, start(fields.cluster, row), end(fields.cluster, row), decoder);
      if (fpc instanceof Float64Array) fpc[slot] = number(fields.fpc as number, row, names.fpc as string, "E_FPC");
    }
  }

  /** The stratum number of the raw cell `bytes[start, end)`. */
  private stratumOf(bytes: Uint8Array, start: number, end: number, decoder: TextDecoder): number {
    const hash = hashBytes(bytes, start, end);
    const entry = this.strataCells.find(bytes, start, end, hash);
    if (entry >= 0) return this.strataOfCell[entry] as number;
    const stratum = this.slots.stratum(decodeField(bytes, start, end, decoder).trim());
    const added = this.strataCells.add(bytes, start, end, hash);
    if (added >= 0) this.strataOfCell[added] = stratum;
    return stratum;
  }

  /** The PSU slot of the raw cell `bytes[start, end)` in stratum number `stratum`. */
  private psuOf(stratum: number, bytes: Uint8Array, start: number, end: number, decoder: TextDecoder): number {
    const hash = hashBytes(bytes, start, end);
    let entry = this.psuCells.find(bytes, start, end, hash);
    if (entry < 0) {
      const text = decodeField(bytes, start, end, decoder).trim();
      entry = this.psuCells.add(bytes, start, end, hash);
      if (entry < 0) return this.slots.psu(stratum, text);
      this.psuCellText[entry] = text;
    }
    while (this.psuSlotOfCell.length <= stratum) this.psuSlotOfCell.push(new Map());
    const known = this.psuSlotOfCell[stratum] as Map<number, number>;
    let slot = known.get(entry);
    if (slot === undefined) {
      slot = this.slots.psu(stratum, this.psuCellText[entry] as string);
      known.set(entry, slot);
    }
    return slot;
  }
}
