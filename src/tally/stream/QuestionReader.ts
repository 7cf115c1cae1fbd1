import { AnswerStatus, type CategoryInfo, type Question } from "../../codebook";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import type { CodedAnswers, QuestionAccount } from "../../survey";
import { CellCoder } from "../../survey/CellCoder";
import type { CellCoding } from "../../survey/codeRawCells";
import { grown } from "../../survey/grown";
import type { IssueLog } from "../../survey/IssueLog";
import type { Tally } from "../types";
import { addCoding, addGroupCoding, emptyAccount } from "./accounting";
import type { ColumnPlaces } from "./columnPlaces";

/** The entry number of a value coded without being remembered (the dictionary is full). */
const UNREMEMBERED = CellCoder.UNREMEMBERED;

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
 * Split by a grouping question (`grouping`), a question that counts values counts (value, group)
 * pairs instead: per dictionary entry one counter per group and one for the records without a
 * group (`countGroups`), so the split costs one more array index per record, not a code per row.
 */
export class QuestionReader {
  readonly categories: CategoryInfo[];
  private readonly coder: CellCoder;
  /** Per entry: records read with that value (value counting only), grown with the coder's entries. */
  private hits = new Float64Array(0);
  /** Counts of values coded without being remembered (value counting only). */
  private readonly unremembered: { counts: Float64Array; account: QuestionAccount };
  /** Split by a grouping question (value counting): per entry, records per group, then those without a group (`groupSlots` each). */
  private groupHits = new Float64Array(0);
  private readonly groupSlots: number;
  /** The split tally of the values coded without being remembered (value counting, split by a group). */
  private readonly unrememberedByGroup: Tally | undefined;
  private excludedRows = 0;
  private readonly isMulti: boolean;
  /** Batch rows (row coding only), sized by the largest batch seen. */
  private codes = new Int16Array(0);
  private selected: Uint8Array[] = [];
  private values = new Float64Array(0);
  private rowEntry = new Int32Array(0);
  /** Scratch: the entry of each record of a batch. */
  private entries = new Int32Array(0);
  private readonly unrememberedCells = new Map<number, readonly string[]>();

  constructor(
    readonly question: Question,
    columns: ColumnPlaces,
    codebookMissing: readonly string[],
    decoder: TextDecoder,
    /** Keep per-row codes (filtered questions and those filters look at, or every question of a design); 0 to count values only. */
    readonly batchSize: number,
    /** Count values (a question no filter touches), also while keeping per-row codes for a design's tallies. */
    readonly countsValues: boolean,
    /** Where bad values are reported, in row order. */
    private readonly issues: IssueLog,
    /** The grouping question and its categories, to count values by group too (`countGroups`, `groupTally`). */
    private readonly grouping?: NonNullable<Tally["by"]>,
  ) {
    // `columnPlaces` has checked that the file has every column the question reads.
    const fieldOf = (column: string): number => columns.place.get(column) as number;
    this.coder = new CellCoder(question, fieldOf, codebookMissing, decoder);
    this.categories = this.coder.categories;
    this.isMulti = question.type === "multi";
    this.unremembered = { counts: new Float64Array(this.categories.length), account: emptyAccount() };
    this.groupSlots = grouping ? grouping.groups.length + 1 : 0;
    this.unrememberedByGroup = grouping && this.emptyGroupTally(grouping);
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

  /**
   * Reads this question's cells of a batch of records; a record whose field count is not
   * `width` (ragged), or one marked in `leftOut` (a repeated respondent id), is left out. Batch
   * row `r` is record `r` of the batch.
   */
  readBatch(bytes: Uint8Array, batch: RecordBatch, width: number, leftOut: Uint8Array): void {
    const { count, linesBefore } = batch;
    const coder = this.coder;
    const countValues = this.countsValues;
    // Split by a group, values are counted by `countGroups` once filters have settled each record's group.
    const countHits = countValues && this.grouping === undefined;
    const keepCodes = this.batchSize > 0;
    this.ensureRows(count);
    if (this.entries.length < count) this.entries = new Int32Array(batch.capacity);
    const entries = this.entries;
    coder.entriesOf(bytes, batch, 0, width, entries, leftOut);
    // Read after `entriesOf`: learning values grows the per-entry arrays.
    const hasProblem = coder.entryHasProblem;
    if (countHits && this.hits.length < coder.size) this.hits = grown(this.hits, Math.min(UNREMEMBERED, Math.max(16, 2 * this.hits.length, coder.size)));
    const hits = this.hits;
    for (let row = 0; row < count; row++) {
      const entry = entries[row] as number;
      if (entry < 0) {
        this.exclude(row);
        continue;
      }
      if (entry === UNREMEMBERED) {
        const coding = coder.coding(entry, row);
        if (coding.problem) this.reportProblem(coding, (linesBefore[row] as number) + 1);
        if (keepCodes) this.codeRow(row, entry);
        if (countValues) addCoding(this.unremembered.counts, this.unremembered.account, coding, 1, this.isMulti);
        continue;
      }
      if (hasProblem[entry] === 1) this.reportProblem(coder.codings[entry] as CellCoding, (linesBefore[row] as number) + 1);
      if (keepCodes) this.codeRow(row, entry);
      if (countHits) hits[entry] = (hits[entry] as number) + 1;
    }
  }

  /**
   * Counts the first `rows` records of the batch `readBatch` read by group (value counting, split
   * by a group): `groupCodes[row]` is record `row`'s group, negative when it has none.
   */
  countGroups(groupCodes: Int16Array, rows: number): void {
    const slots = this.groupSlots;
    const noGroup = slots - 1;
    const coder = this.coder;
    if (this.groupHits.length < coder.size * slots) {
      this.groupHits = grown(this.groupHits, Math.min(UNREMEMBERED, Math.max(16, (2 * this.groupHits.length) / slots, coder.size)) * slots);
    }
    const pairs = this.groupHits;
    const entries = this.entries;
    for (let row = 0; row < rows; row++) {
      const entry = entries[row] as number;
      if (entry < 0) continue;
      const group = groupCodes[row] as number;
      const slot = group >= 0 ? group : noGroup;
      if (entry === UNREMEMBERED) addGroupCoding(this.unrememberedByGroup as Tally, slot, coder.coding(entry, row), 1, this.isMulti);
      else pairs[entry * slots + slot]! += 1;
    }
  }

  /** The tally split by the grouping question of every record counted by `countGroups`. */
  groupTally(): Tally {
    const from = this.unrememberedByGroup as Tally;
    const tally: Tally = { ...from, counts: from.counts.slice(), bases: from.bases.slice() };
    const slots = this.groupSlots;
    for (let entry = 0; entry < this.coder.size; entry++) {
      for (let slot = 0; slot < slots; slot++) {
        addGroupCoding(tally, slot, this.coder.codings[entry] as CellCoding, this.groupHits[entry * slots + slot] ?? 0, this.isMulti);
      }
    }
    return tally;
  }

  /** A split tally of this question with nothing counted. */
  private emptyGroupTally(grouping: NonNullable<Tally["by"]>): Tally {
    const k = this.categories.length;
    const groups = grouping.groups.length;
    return { question: this.question.id, categories: this.categories, by: grouping, counts: new Float64Array(k * groups), bases: new Float64Array(groups), ungrouped: 0 };
  }

  /** Records a batch row's code, options and number (row coding only). */
  private codeRow(row: number, entry: number): void {
    const coding = this.coder.coding(entry, row);
    const code = coding.code;
    this.codes[row] = code;
    this.rowEntry[row] = entry;
    if (entry === UNREMEMBERED) this.unrememberedCells.set(row, this.coder.cells(entry, row));
    if (code < 0) return;
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
    return (entry === UNREMEMBERED ? this.unrememberedCells.get(row) : this.coder.entryCells[entry])?.[0];
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
    for (let entry = 0; entry < this.coder.size; entry++) {
      addCoding(counts, account, this.coder.codings[entry] as CellCoding, this.timesRead(entry), this.isMulti);
    }
    account.rowsRead = rowsRead;
    const tally: Tally = { question: this.question.id, categories: this.categories, counts, bases: new Float64Array([account.used]), ungrouped: 0 };
    return { tally, account };
  }

  /** Records read with the value of dictionary entry `entry` (value counting). */
  private timesRead(entry: number): number {
    if (this.grouping === undefined) return this.hits[entry] ?? 0;
    let times = 0;
    for (let slot = 0; slot < this.groupSlots; slot++) times += this.groupHits[entry * this.groupSlots + slot] ?? 0;
    return times;
  }

  private reportProblem(coding: CellCoding, row: number): void {
    const { column, value, reason } = coding.problem as NonNullable<CellCoding["problem"]>;
    this.issues.push({ code: "E_BAD_VALUE", row, column, value, question: this.question.id, reason });
  }
}
