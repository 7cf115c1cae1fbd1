import { questionCategories, type CategoryInfo, type Question } from "../codebook";
import type { RecordBatch } from "../load/stream/CsvRecordScanner";
import { ByteDictionary, hashBytes } from "../load/stream/ByteDictionary";
import { decodeField } from "../load/stream/decodeField";
import { codeRawCells, questionColumns, type CellCoding } from "./codeRawCells";

/** Distinct raw values remembered per question; beyond it (free text, numbers) cells are coded one by one. */
const DICTIONARY_CAPACITY = 4096;

/**
 * One question's cells of scanned records, coded per distinct raw value, for both reading paths
 * (`SurveyBuilder` in memory, `QuestionReader` in the stream): the question's columns are
 * resolved to field positions once, and each distinct raw value (the bytes of its cell, or of its
 * option columns together) is decoded and coded once (`codeRawCells`) and remembered in a
 * `ByteDictionary`, so a cell costs one hash and one byte comparison. `entryOf` returns the entry
 * of a record's cells; `codings[entry]` says what they mean. Past `DICTIONARY_CAPACITY` distinct
 * values a cell is coded without being remembered, into the entry `CellCoder.UNREMEMBERED`
 * (valid until the next cell).
 */
export class CellCoder {
  static readonly UNREMEMBERED = DICTIONARY_CAPACITY;
  readonly categories: CategoryInfo[];
  /** Field positions of the question's columns. */
  readonly fields: number[];
  /** Per entry: the coding, its code, whether it is a problem, and the decoded cells. */
  readonly codings: CellCoding[] = [];
  readonly entryCode = new Int16Array(DICTIONARY_CAPACITY + 1);
  readonly entryHasProblem = new Uint8Array(DICTIONARY_CAPACITY + 1);
  readonly entryCells: string[][] = [];
  private readonly dictionary = new ByteDictionary(DICTIONARY_CAPACITY);
  private readonly code: (cells: readonly string[]) => CellCoding;
  private keyScratch: Uint8Array;

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

  /** The entry of record `row`'s cells (a record with every field of the header). */
  entryOf(bytes: Uint8Array, batch: RecordBatch, row: number): number {
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
    const entry = added < 0 ? CellCoder.UNREMEMBERED : added;
    const coding = this.code(cells);
    this.codings[entry] = coding;
    this.entryCells[entry] = cells;
    this.entryCode[entry] = coding.code;
    this.entryHasProblem[entry] = coding.problem ? 1 : 0;
    return entry;
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
