import { questionCategories, type CategoryInfo, type Question } from "../codebook";
import type { RecordBatch } from "../load/stream/CsvRecordScanner";
import { ByteDictionary, hashBytes } from "../load/stream/ByteDictionary";
import { decodeField } from "../load/stream/decodeField";
import { codeRawCells, questionColumns, type CellCoding } from "./codeRawCells";
import { grown } from "./grown";

/** Distinct raw values remembered per question; beyond it (free text, numbers) cells are coded one by one. */
const DICTIONARY_CAPACITY = 4096;

/**
 * One question's cells of scanned records, coded per distinct raw value, for both reading paths
 * (`SurveyBuilder` in memory, `QuestionReader` in the stream): the question's columns are
 * resolved to field positions once, and each distinct raw value (the bytes of its cell, or of its
 * option columns together) is decoded and coded once (`codeRawCells`) and remembered in a
 * `ByteDictionary`, so a cell costs one hash and one byte comparison. `entryOf` returns the entry
 * of a record's cells; `codings[entry]` says what they mean. Past `DICTIONARY_CAPACITY` distinct
 * values a cell is coded without being remembered: its entry is `CellCoder.UNREMEMBERED`, and
 * `coding(entry, row)` and `cells(entry, row)` give what it means until the next batch.
 */
export class CellCoder {
  static readonly UNREMEMBERED = DICTIONARY_CAPACITY;
  readonly categories: CategoryInfo[];
  /** Field positions of the question's columns. */
  readonly fields: number[];
  /**
   * Per remembered entry: the coding, its code, whether it is a problem, and the decoded cells.
   * `entryCode` and `entryHasProblem` grow with the entries (so a question of few distinct values
   * costs little, whatever the number of questions): read them after `entriesOf`, which may replace them.
   */
  readonly codings: CellCoding[] = [];
  entryCode = new Int16Array(0);
  entryHasProblem = new Uint8Array(0);
  readonly entryCells: string[][] = [];
  private readonly dictionary = new ByteDictionary(DICTIONARY_CAPACITY);
  private readonly code: (cells: readonly string[]) => CellCoding;
  private keyScratch: Uint8Array;
  /** Per batch row coded without being remembered: its coding and cells (this batch only). */
  private readonly unremembered = new Map<number, { coding: CellCoding; cells: string[] }>();

  /** `fieldOf`: the field position of a column the file has (the caller has checked every column). */
  constructor(
    readonly question: Question,
    fieldOf: (column: string) => number,
    codebookMissing: readonly string[],
    private readonly decoder: TextDecoder,
  ) {
    this.categories = questionCategories(question);
    this.fields = questionColumns(question).map(fieldOf);
    this.code = codeRawCells(question, codebookMissing);
    this.keyScratch = new Uint8Array(this.fields.length > 1 ? 256 : 0);
  }

  /**
   * The entries of the batch's records `first…` into `entries` (indexed by batch row): -1 for a
   * record without the header's `width` of fields, or one `leftOut` marks.
   */
  entriesOf(bytes: Uint8Array, batch: RecordBatch, first: number, width: number, entries: Int32Array, leftOut?: Uint8Array): void {
    const { count, fieldCounts, bounds } = batch;
    if (this.unremembered.size > 0) this.unremembered.clear();
    if (this.fields.length > 1) {
      for (let row = first; row < count; row++) {
        entries[row] = fieldCounts[row] !== width || leftOut?.[row] === 1 ? -1 : this.entryOf(bytes, batch, row);
      }
      return;
    }
    const dictionary = this.dictionary;
    const column = 2 * (this.fields[0] as number) * batch.capacity;
    for (let row = first; row < count; row++) {
      if (fieldCounts[row] !== width || leftOut?.[row] === 1) {
        entries[row] = -1;
        continue;
      }
      const start = bounds[column + 2 * row] as number;
      const end = bounds[column + 2 * row + 1] as number;
      const hash = hashBytes(bytes, start, end);
      const entry = dictionary.find(bytes, start, end, hash);
      entries[row] = entry >= 0 ? entry : this.learn(bytes, batch, row, bytes, start, end, hash);
    }
  }

  /** The entry of record `row`'s cells (a record with every field of the header). */
  private entryOf(bytes: Uint8Array, batch: RecordBatch, row: number): number {
    if (this.fields.length > 1) {
      const end = this.compositeKey(bytes, batch, row);
      const hash = hashBytes(this.keyScratch, 0, end);
      const entry = this.dictionary.find(this.keyScratch, 0, end, hash);
      return entry >= 0 ? entry : this.learn(bytes, batch, row, this.keyScratch, 0, end, hash);
    }
    const at = 2 * ((this.fields[0] as number) * batch.capacity + row);
    const start = batch.bounds[at] as number;
    const end = batch.bounds[at + 1] as number;
    const hash = hashBytes(bytes, start, end);
    const entry = this.dictionary.find(bytes, start, end, hash);
    return entry >= 0 ? entry : this.learn(bytes, batch, row, bytes, start, end, hash);
  }

  /** Decodes and codes an unseen key; remembers it unless the dictionary is full. */
  private learn(bytes: Uint8Array, batch: RecordBatch, row: number, key: Uint8Array, start: number, end: number, hash: number): number {
    const cells = this.fields.map((field) => {
      const at = 2 * (field * batch.capacity + row);
      return decodeField(bytes, batch.bounds[at] as number, batch.bounds[at + 1] as number, this.decoder);
    });
    const added = this.dictionary.add(key, start, end, hash);
    const coding = this.code(cells);
    if (added < 0) {
      this.unremembered.set(row, { coding, cells });
      return CellCoder.UNREMEMBERED;
    }
    const entry = added;
    if (entry >= this.entryCode.length) {
      const room = Math.min(DICTIONARY_CAPACITY, Math.max(16, 2 * this.entryCode.length));
      this.entryCode = grown(this.entryCode, room);
      this.entryHasProblem = grown(this.entryHasProblem, room);
    }
    this.codings[entry] = coding;
    this.entryCells[entry] = cells;
    this.entryCode[entry] = coding.code;
    this.entryHasProblem[entry] = coding.problem ? 1 : 0;
    return entry;
  }

  /** What the cells of batch row `row`, of entry `entry`, mean. */
  coding(entry: number, row: number): CellCoding {
    return entry === CellCoder.UNREMEMBERED ? (this.unremembered.get(row) as { coding: CellCoding }).coding : (this.codings[entry] as CellCoding);
  }

  /** The decoded cells of batch row `row`, of entry `entry`. */
  cells(entry: number, row: number): string[] {
    return entry === CellCoder.UNREMEMBERED ? (this.unremembered.get(row) as { cells: string[] }).cells : (this.entryCells[entry] as string[]);
  }

  /** Distinct values remembered. */
  get size(): number {
    return this.dictionary.size;
  }

  /** The cells of a question spanning several columns as one key: each cell's length (4 bytes) then its bytes. */
  private compositeKey(bytes: Uint8Array, batch: RecordBatch, row: number): number {
    const { bounds, capacity } = batch;
    let needed = 0;
    for (const field of this.fields) needed += 4 + (bounds[2 * (field * capacity + row) + 1] as number) - (bounds[2 * (field * capacity + row)] as number);
    if (needed > this.keyScratch.length) this.keyScratch = new Uint8Array(needed * 2);
    const view = new DataView(this.keyScratch.buffer);
    let end = 0;
    for (const field of this.fields) {
      const start = bounds[2 * (field * capacity + row)] as number;
      const length = (bounds[2 * (field * capacity + row) + 1] as number) - start;
      view.setUint32(end, length);
      this.keyScratch.set(bytes.subarray(start, start + length), end + 4);
      end += 4 + length;
    }
    return end;
  }
}
