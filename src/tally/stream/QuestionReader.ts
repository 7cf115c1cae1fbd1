import { AnswerStatus, questionCategories, type CategoryInfo, type Question } from "../../codebook";
import { SurveyError } from "../../errors";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import { decodeField } from "../../load/stream/decodeField";
import type { CodedAnswers, QuestionAccount } from "../../survey";
import type { IssueLog } from "../../survey/IssueLog";
import type { Tally } from "../types";
import { ByteDictionary, hashBytes } from "./ByteDictionary";
import { codeRawCells, questionColumns, type CellCoding } from "./codeRawCells";
import { addCoding, emptyAccount } from "./accounting";
import type { ColumnPlaces } from "./columnPlaces";

/** Distinct raw values remembered per question; beyond it (free text, numbers) cells are coded one by one. */
const DICTIONARY_CAPACITY = 4096;
/** The entry number of a value coded without being remembered (the dictionary is full). */
const UNREMEMBERED = DICTIONARY_CAPACITY;

/**
 * Reads one question's cells from streamed records. The question's columns are resolved to
 * field positions once; each distinct raw value is decoded and coded once (`codeRawCells`) and
 * remembered in a `ByteDictionary`, so a cell costs one hash and one byte comparison.
 *
 * Two ways to count, chosen once:
 * - a question that no filter touches only counts how often each distinct value occurs
 *   (typed counters per dictionary entry), and turns those counts into a tally at the end;
 * - a filtered question, or one a filter looks at, also keeps each batch row's code, in the
 *   `CodedAnswers` shape, so the batch can go through `applyFilters` and `tallyAnswers`.
 */
export class QuestionReader {
  readonly categories: CategoryInfo[];
  private readonly fields: number[];
  private readonly dictionary = new ByteDictionary(DICTIONARY_CAPACITY);
  private readonly code: (cells: readonly string[]) => CellCoding;
  /** Per entry: the coding and the raw cells of a distinct value (the last slot: an unremembered one). */
  private readonly codings: CellCoding[] = [];
  private readonly entryCells: string[][] = [];
  /** Per entry (grown with the dictionary, so a question of few distinct values costs little): its code, whether it is a problem, and its count. */
  private entryCode = new Int16Array(0);
  private entryHasProblem = new Uint8Array(0);
  /** Per entry: records read with that value (value counting only). */
  private hits = new Float64Array(0);
  /** Counts of values coded without being remembered (value counting only). */
  private readonly unremembered: { counts: Float64Array; account: QuestionAccount };
  private excludedRows = 0;
  private readonly isMulti: boolean;
  private keyScratch: Uint8Array;
  /** Batch rows (row coding only), sized by the largest batch seen. */
  private codes = new Int16Array(0);
  private selected: Uint8Array[] = [];
  private values = new Float64Array(0);
  private rowEntry = new Int32Array(0);
  private readonly unrememberedCells = new Map<number, readonly string[]>();

  constructor(
    readonly question: Question,
    columns: ColumnPlaces,
    codebookMissing: readonly string[],
    private readonly decoder: TextDecoder,
    /** Keep per-row codes (filtered questions and those filters look at, or every question of a design); 0 to count values only. */
    readonly batchSize: number,
    /** Count values (a question no filter touches), also while keeping per-row codes for a design's tallies. */
    readonly countsValues: boolean,
    /** Where bad values are reported, in row order. */
    private readonly issues: IssueLog,
  ) {
    this.categories = questionCategories(question);
    this.isMulti = question.type === "multi";
    this.fields = questionColumns(question).map((column) => {
      const field = columns.place.get(column);
      if (field === undefined) {
        throw new SurveyError(
          "E_UNKNOWN_COLUMN",
          `question "${question.id}" names a column the file does not have; columns are: ${columns.header.join(", ")}`,
          { column },
        );
      }
      return field;
    });
    this.code = codeRawCells(question, codebookMissing);
    this.unremembered = { counts: new Float64Array(this.categories.length), account: emptyAccount() };
    this.keyScratch = new Uint8Array(this.fields.length > 1 ? 256 : 0);
  }

  /** Makes room for `rows` batch rows of codes (row coding only). */
  private ensureRows(rows: number): void {
    if (this.batchSize === 0 || rows <= this.codes.length) return;
    const room = Math.min(this.batchSize, Math.max(rows, 2 * this.codes.length));
    this.codes = new Int16Array(room);
    this.selected = this.isMulti ? this.categories.map(() => new Uint8Array(room)) : [];
    this.values = new Float64Array(this.question.type === "numeric" ? room : 0);
    this.rowEntry = new Int32Array(room);
  }

  /** Makes room for entry number `entry` in the per-entry arrays. */
  private ensureEntry(entry: number): void {
    if (entry < this.entryCode.length) return;
    const room = Math.min(DICTIONARY_CAPACITY + 1, Math.max(16, 2 * this.entryCode.length, entry + 1));
    const code = new Int16Array(room);
    code.set(this.entryCode);
    this.entryCode = code;
    const problem = new Uint8Array(room);
    problem.set(this.entryHasProblem);
    this.entryHasProblem = problem;
    const hits = new Float64Array(room);
    hits.set(this.hits);
    this.hits = hits;
  }

  /**
   * Reads this question's cells of a batch of records; a record whose field count is not
   * Batch row `r` is record `r` of the batch; a row marked in `leftOut` (a ragged record, a
   * repeated respondent id) is left out.
   */
  readBatch(bytes: Uint8Array, batch: RecordBatch, leftOut: Uint8Array): void {
    this.ensureRows(batch.count);
    if (this.fields.length > 1) {
      this.readCompositeBatch(bytes, batch, leftOut);
      return;
    }
    const { count, capacity, bounds, linesBefore } = batch;
    const column = 2 * (this.fields[0] as number) * capacity;
    const dictionary = this.dictionary;
    // Local views of the per-entry arrays, taken again when learning a value grows them.
    let hasProblem = this.entryHasProblem;
    let hits = this.hits;
    const countValues = this.countsValues;
    const keepCodes = this.batchSize > 0;
    for (let row = 0; row < count; row++) {
      if (leftOut[row] === 1) {
        this.exclude(row);
        continue;
      }
      const start = bounds[column + 2 * row] as number;
      const end = bounds[column + 2 * row + 1] as number;
      const hash = hashBytes(bytes, start, end);
      let entry = dictionary.find(bytes, start, end, hash);
      if (entry < 0) {
        entry = this.learn(bytes, batch, row, bytes, start, end, hash);
        hasProblem = this.entryHasProblem;
        hits = this.hits;
      }
      if (hasProblem[entry] === 1) this.reportProblem(entry, (linesBefore[row] as number) + 1);
      if (keepCodes) this.codeRow(row, entry);
      if (!countValues) continue;
      if (entry !== UNREMEMBERED) hits[entry] = (hits[entry] as number) + 1;
      else this.countUnremembered(entry);
    }
  }

  /** `readBatch` for a question spanning several columns (one 0/1 column per option). */
  private readCompositeBatch(bytes: Uint8Array, batch: RecordBatch, leftOut: Uint8Array): void {
    const { count, linesBefore } = batch;
    for (let row = 0; row < count; row++) {
      if (leftOut[row] === 1) {
        this.exclude(row);
        continue;
      }
      const end = this.compositeKey(bytes, batch, row);
      const hash = hashBytes(this.keyScratch, 0, end);
      let entry = this.dictionary.find(this.keyScratch, 0, end, hash);
      if (entry < 0) entry = this.learn(bytes, batch, row, this.keyScratch, 0, end, hash);
      if (this.entryHasProblem[entry] === 1) this.reportProblem(entry, (linesBefore[row] as number) + 1);
      if (this.batchSize > 0) this.codeRow(row, entry);
      if (!this.countsValues) continue;
      if (entry !== UNREMEMBERED) this.hits[entry] = (this.hits[entry] as number) + 1;
      else this.countUnremembered(entry);
    }
  }

  private countUnremembered(entry: number): void {
    addCoding(this.unremembered.counts, this.unremembered.account, this.codings[entry] as CellCoding, 1, this.isMulti);
  }

  /** Records a batch row's code, options and number (row coding only). */
  private codeRow(row: number, entry: number): void {
    const code = this.entryCode[entry] as number;
    this.codes[row] = code;
    this.rowEntry[row] = entry;
    if (entry === UNREMEMBERED) this.unrememberedCells.set(row, this.entryCells[entry] as string[]);
    if (code < 0) return;
    const coding = this.codings[entry] as CellCoding;
    for (let i = 0; i < coding.selected.length; i++) (this.selected[coding.selected[i] as number] as Uint8Array)[row] = 1;
    if (this.values.length > 0) this.values[row] = coding.value;
  }

  /** Leaves a record out of this question (a ragged record, a repeated respondent id). */
  private exclude(row: number): void {
    if (this.countsValues) this.excludedRows += 1;
    if (this.batchSize === 0) return;
    this.codes[row] = AnswerStatus.bad;
    this.rowEntry[row] = -1;
  }

  /** The first `rows` rows of the batch as coded answers (views, valid until `reset`; row coding only). */
  answers(rows: number): CodedAnswers {
    const common = { question: this.question, codes: this.codes.subarray(0, rows) };
    if (this.question.type === "numeric") return { kind: "numeric", ...common, categories: [], values: this.values.subarray(0, rows) };
    if (this.question.type === "multi") {
      return { kind: "multi", ...common, categories: this.categories, selected: this.selected.map((chosen) => chosen.subarray(0, rows)) };
    }
    return { kind: "categorical", ...common, categories: this.categories };
  }

  /** The raw cell of batch row `row` in the question's first column, if the row was read (row coding only). */
  rawCell(row: number): string | undefined {
    const entry = this.rowEntry[row] as number;
    if (entry < 0) return undefined;
    return (entry === UNREMEMBERED ? this.unrememberedCells.get(row) : this.entryCells[entry])?.[0];
  }

  /** Clears the batch's first `rows` rows for the next batch. */
  reset(rows: number): void {
    for (const chosen of this.selected) chosen.fill(0, 0, rows);
    if (this.unrememberedCells.size > 0) this.unrememberedCells.clear();
  }

  /** The whole-sample tally and account of every record read, from the value counts (value counting only). */
  valueTally(rowsRead: number): { tally: Tally; account: QuestionAccount } {
    const counts = this.unremembered.counts.slice();
    const account = { ...this.unremembered.account, excluded: this.unremembered.account.excluded + this.excludedRows };
    for (let entry = 0; entry < this.dictionary.size; entry++) {
      addCoding(counts, account, this.codings[entry] as CellCoding, this.hits[entry] as number, this.isMulti);
    }
    account.rowsRead = rowsRead;
    const tally: Tally = { question: this.question.id, categories: this.categories, counts, bases: new Float64Array([account.used]), ungrouped: 0 };
    return { tally, account };
  }

  /** Decodes and codes an unseen key; remembers it unless the dictionary is full. */
  private learn(bytes: Uint8Array, batch: RecordBatch, row: number, key: Uint8Array, start: number, end: number, hash: number): number {
    const cells = this.fields.map((field) => {
      const at = 2 * (field * batch.capacity + row);
      return decodeField(bytes, batch.bounds[at] as number, batch.bounds[at + 1] as number, this.decoder);
    });
    const added = this.dictionary.add(key, start, end, hash);
    const entry = added < 0 ? UNREMEMBERED : added;
    this.ensureEntry(entry);
    const coding = this.code(cells);
    this.codings[entry] = coding;
    this.entryCells[entry] = cells;
    this.entryCode[entry] = coding.code;
    this.entryHasProblem[entry] = coding.problem ? 1 : 0;
    return entry;
  }

  private reportProblem(entry: number, row: number): void {
    const { column, value, reason } = (this.codings[entry] as CellCoding).problem as NonNullable<CellCoding["problem"]>;
    this.issues.push({ code: "E_BAD_VALUE", row, column, value, question: this.question.id, reason });
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
