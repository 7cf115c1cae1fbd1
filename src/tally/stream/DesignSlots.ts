import { checkWeight, setStratumFpc } from "../../survey/designCellChecks";
import type { DesignColumnNames } from "../designTally";

/** A stratum of streamed records, with the sums that every question's design tally shares. */
export interface SlotStratum {
  readonly key: string;
  /** 0-based index of its first row, as `StratumTally.firstRow` counts it (-1 before any row). */
  firstRow: number;
  rows: number;
  fpc: number | undefined;
}

/**
 * The strata and PSUs of streamed records, numbered densely in order of appearance, so that a
 * record's stratum and PSU are looked up once and its slot number serves every question's design
 * sums (`StreamDesignTallies`). A PSU's slot is its number among all PSUs (nested in strata, as
 * `addDesignRows` nests them); without clusters every record is its own PSU and its slot is its
 * stratum's number. It also keeps the per-record sums that every question's tally has in common:
 * rows, Σw, Σw², and per stratum its rows, first row and population size (fpc).
 */
export class DesignSlots {
  readonly strata: SlotStratum[] = [];
  /** Per PSU slot (clustered designs): the number of its stratum, and its id. */
  readonly psuStratum: number[] = [];
  readonly psuKey: string[] = [];
  rows = 0;
  sumW = 0;
  sumW2 = 0;
  private readonly strataByKey = new Map<string, number>();
  private readonly psusByKey: Map<string, number>[] = [];

  constructor(
    readonly clustered: boolean,
    private readonly names: DesignColumnNames,
  ) {}

  /** Slots in use: PSUs in a clustered design, else strata. */
  get size(): number {
    return this.clustered ? this.psuKey.length : this.strata.length;
  }

  /** The number of the stratum with id `key` (trimmed cell text), numbering it when new. */
  stratum(key: string): number {
    let number = this.strataByKey.get(key);
    if (number === undefined) {
      number = this.strata.length;
      this.strata.push({ key, firstRow: -1, rows: 0, fpc: undefined });
      this.strataByKey.set(key, number);
      this.psusByKey.push(new Map());
    }
    return number;
  }

  /** The slot of the PSU with id `key` in stratum number `stratum`, numbering it when new. */
  psu(stratum: number, key: string): number {
    const psus = this.psusByKey[stratum] as Map<string, number>;
    let slot = psus.get(key);
    if (slot === undefined) {
      slot = this.psuKey.length;
      this.psuKey.push(key);
      this.psuStratum.push(stratum);
      psus.set(key, slot);
    }
    return slot;
  }

  /**
   * Adds a record of weight `w` (and population size `fpc`, when the design has one) to the
   * shared sums, after the checks `addDesignRows` makes, in its order: `E_BAD_WEIGHT`, then
   * `E_FPC`, both at spreadsheet row `row`. `index` is the record's 0-based index.
   */
  addRow(stratum: number, w: number, fpc: number | undefined, index: number, row: number): void {
    checkWeight(w, row, this.names.weights);
    const s = this.strata[stratum] as SlotStratum;
    if (fpc !== undefined) setStratumFpc(s, fpc, row, this.names.fpc);
    this.rows += 1;
    this.sumW += w;
    this.sumW2 += w * w;
    if (s.rows === 0) s.firstRow = index;
    s.rows += 1;
  }
}
