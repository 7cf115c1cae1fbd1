import type { DesignSpec } from "../../codebook";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import type { CodedAnswers } from "../../survey";
import { createDesignTally, createStratumTally, type DesignTally, type StratumTally } from "../designTally";
import { DesignReader } from "./DesignReader";
import type { ColumnPlaces } from "./columnPlaces";
import type { DesignSlots } from "./DesignSlots";

/**
 * A categorical question whose design tally is kept: its columns [answered, category 1, …,
 * category k], or split by a grouping question, those columns once per group, group-major (a
 * record adds to its group's columns only, and to none when its group is not answered).
 */
export interface DesignQuestion {
  id: string;
  /** 1 + its number of categories. */
  columns: number;
  /** A multi-select question (several categories per answer). */
  multi: boolean;
  /** The grouping question and its number of groups, for a tally split by group. */
  groupedBy?: { question: string; groups: number };
}

/**
 * The design tallies of every categorical question of a stream of records, kept densely: one
 * slot per PSU (per stratum without clusters, see `DesignSlots`), and per slot one block holding
 * every question's numbers side by side. A record costs one stratum and PSU lookup for all the
 * questions, and its updates land in one block of memory instead of one open PSU vector per
 * question. Each analysis value u is 0 or 1, so a record adds w to T_c and 1 to the rows with
 * u_c ≠ 0 of each column it answers, and w² to Σ w² u_c²:
 * - clustered: per question and column the pair [T_c, rows with u_c ≠ 0] of the PSU, so an
 *   answer touches one pair per chosen category; a single-choice question's answered column is
 *   the sum of its category columns, added up once in `toDesignTallies`;
 * - every record its own PSU: per question S1 (k), S2 (k × k, upper triangle) and PSUs with u_c ≠ 0
 *   (k) of the stratum, folded at once as `addDesignRows` folds them.
 * Σ w u² and the rows with u ≠ 0 of the whole tally are the sums of the slots' T and counts.
 * `toDesignTallies` hands the sums over in `addDesignRows`' `DesignTally` shape; they are the
 * same sums added in another order. A question split by group keeps one such block per group
 * (a record's numbers land in its group's block), and hands over a tally of G·(1 + k) columns
 * whose cross-group sums are 0, as `addDesignRows` gives them from 0/1 columns of each group.
 */
export class StreamDesignTallies {
  private readonly reader: DesignReader;
  private readonly slots: DesignSlots;
  /** Numbers per slot: Σ 2k per question (clustered) or Σ (2k + k²) (unclustered). */
  private readonly stride: number;
  private blocks: Float64Array;
  /** Per question and column: Σ w² u². */
  private readonly sumW2U2: Float64Array;
  /** Batch rows that are not ragged: the rows the design tallies take. */
  private designRows: number[] = [];
  private readonly questions: readonly DesignQuestion[];
  /** Per question: its columns k, the offset of its numbers in a slot's block, its numbers per group in a block, and the offset of its Σ w² u². */
  private readonly columnsOf: Int32Array;
  private readonly groupBlockOf: Int32Array;
  private readonly blockOf: Int32Array;
  private readonly sumsOf: Int32Array;
  /** Scratch for `bySlot`. */
  private slotStarts = new Int32Array(0);
  private order = new Int32Array(0);
  /** Scratch: the columns with u = 1 of one record's answer (column 0, answered, first and always 0). */
  private readonly nonzero: Int32Array;

  constructor(design: DesignSpec, columns: ColumnPlaces, batchSize: number, questions: readonly DesignQuestion[]) {
    this.reader = new DesignReader(design, columns, batchSize);
    this.slots = this.reader.slots;
    this.questions = questions;
    const folded = !this.slots.clustered;
    const blockOf: number[] = [];
    const sumsOf: number[] = [];
    let block = 0;
    let sums = 0;
    for (const { columns: k, groupedBy } of questions) {
      const groups = groupedBy?.groups ?? 1;
      blockOf.push(block);
      sumsOf.push(sums);
      block += groups * (folded ? 2 * k + k * k : 2 * k);
      sums += groups * k;
    }
    this.groupBlockOf = Int32Array.from(questions, ({ columns: k }) => (folded ? 2 * k + k * k : 2 * k));
    this.stride = block;
    this.blocks = new Float64Array(block); // one slot, doubled as PSUs come (`grow`)
    this.sumW2U2 = new Float64Array(sums);
    this.columnsOf = Int32Array.from(questions, (question) => question.columns);
    this.blockOf = Int32Array.from(blockOf);
    this.sumsOf = Int32Array.from(sumsOf);
    this.nonzero = new Int32Array(Math.max(1, ...questions.map((question) => question.columns)));
  }

  /** Reads the design cells of a batch's records that have the header's `width` of fields. */
  readBatch(bytes: Uint8Array, batch: RecordBatch, width: number, decoder: TextDecoder): void {
    this.designRows = [];
    for (let row = 0; row < batch.count; row++) if (batch.fieldCounts[row] === width) this.designRows.push(row);
    this.reader.readBatch(bytes, batch, this.designRows, decoder);
  }

  /**
   * Adds the batch's records read by `readBatch` with their coded answers: 1 when answered, and
   * 1 in each chosen category's column. A design error (a negative weight, an fpc that varies
   * within a stratum) names the record's spreadsheet row.
   */
  add(answers: ReadonlyMap<string, CodedAnswers>, batch: RecordBatch): void {
    const rows = this.designRows;
    const n = rows.length;
    if (n === 0) return;
    const { reader, slots, stride, sumW2U2, columnsOf, blockOf, groupBlockOf, sumsOf, nonzero } = this;
    if (this.blocks.length < slots.size * stride) this.grow(slots.size);
    const blocks = this.blocks;
    const coded = this.questions.map((question) => answers.get(question.id) as CodedAnswers);
    const codes = coded.map((answer) => answer.codes);
    const selected = coded.map((answer) => (answer.kind === "multi" ? answer.selected : undefined));
    const groupCodes = this.questions.map(({ groupedBy }) => groupedBy && (answers.get(groupedBy.question) as CodedAnswers).codes);
    const folded = !slots.clustered;
    const questionCount = codes.length;
    // addDesignRows counts row i of a chunk as rowOffset + i (its stratum's first row in the tallies).
    const rowOffset = (batch.linesBefore[rows[0] as number] as number) - 1;
    for (let i = 0; i < n; i++) {
      const fpc = reader.fpc === undefined ? undefined : typeof reader.fpc === "number" ? reader.fpc : (reader.fpc[i] as number);
      const w = reader.weights === undefined ? 1 : (reader.weights[i] as number);
      slots.addRow(reader.stratum[i] as number, w, fpc, rowOffset + i, (batch.linesBefore[rows[i] as number] as number) + 1);
    }
    // The records PSU by PSU (in record order within each): a PSU's block is fetched once for all of them.
    const order = this.bySlot(n, slots.size);
    for (let o = 0; o < n; o++) {
      const i = order[o] as number;
      const row = rows[i] as number;
      const w = reader.weights === undefined ? 1 : (reader.weights[i] as number);
      const base = (reader.slot[i] as number) * stride;
      const ww = w * w;
      for (let q = 0; q < questionCount; q++) {
        const code = (codes[q] as Int16Array)[row] as number;
        if (code < 0) continue;
        let sums = sumsOf[q] as number;
        let at = base + (blockOf[q] as number);
        const groupOf = groupCodes[q];
        if (groupOf !== undefined) {
          const group = groupOf[row] as number;
          if (group < 0) continue;
          sums += group * (columnsOf[q] as number);
          at += group * (groupBlockOf[q] as number);
        }
        const options = selected[q];
        sumW2U2[sums]! += ww;
        if (!folded && options === undefined) {
          // One pair [T_c, rows with u_c ≠ 0] per answer; the answered pair is their sum.
          const pair = at + 2 * (code + 1);
          blocks[pair]! += w;
          blocks[pair + 1]! += 1;
          sumW2U2[sums + code + 1]! += ww;
          continue;
        }
        // The columns with u = 1: answered (0), then the chosen categories in order.
        let count = 1;
        if (options === undefined) nonzero[count++] = code + 1;
        else for (let c = 0; c < options.length; c++) if ((options[c] as Uint8Array)[row] !== 0) nonzero[count++] = c + 1;
        for (let j = 1; j < count; j++) sumW2U2[sums + (nonzero[j] as number)]! += ww;
        if (!folded) {
          for (let j = 0; j < count; j++) {
            const pair = at + 2 * (nonzero[j] as number);
            blocks[pair]! += w;
            blocks[pair + 1]! += 1;
          }
          continue;
        }
        // Every record is its own PSU: S1 += T, S2 += T Tᵀ (upper triangle), PSUs with u_c ≠ 0.
        const k = columnsOf[q] as number;
        for (let j = 0; j < count; j++) {
          const c = nonzero[j] as number;
          blocks[at + c]! += w;
          blocks[at + k + k * k + c]! += 1;
          for (let m = j; m < count; m++) blocks[at + k + c * k + (nonzero[m] as number)]! += ww;
        }
      }
    }
  }

  /** Each question's design tally, in the order of the questions, in the shape `addDesignRows` makes. */
  toDesignTallies(): DesignTally[] {
    const { slots, blocks, stride } = this;
    const folded = !slots.clustered;
    const psusPerStratum = slots.strata.map(() => 0);
    for (const stratum of slots.psuStratum) psusPerStratum[stratum]! += 1;
    return this.questions.map(({ columns: k, multi, groupedBy }, q) => {
      const groups = groupedBy?.groups ?? 1;
      const K = groups * k;
      const block = this.blockOf[q] as number;
      const size = this.groupBlockOf[q] as number;
      const sums = this.sumsOf[q] as number;
      const tally = createDesignTally(K, slots.clustered);
      tally.rows = slots.rows;
      tally.sumW = slots.sumW;
      tally.sumW2 = slots.sumW2;
      tally.sumW2U2.set(this.sumW2U2.subarray(sums, sums + K));
      const strata = slots.strata.map((s, number) => {
        const stratum = createStratumTally(s.key, K, s.firstRow, s.fpc);
        stratum.rows = s.rows;
        if (folded) {
          stratum.nPsu = s.rows;
          for (let g = 0; g < groups; g++) {
            const at = number * stride + block + g * size;
            const first = g * k;
            stratum.s1.set(blocks.subarray(at, at + k), first);
            for (let a = 0; a < k; a++) stratum.s2.set(blocks.subarray(at + k + a * k, at + k + (a + 1) * k), (first + a) * K + first);
            stratum.psuNonzero.set(blocks.subarray(at + k + k * k, at + 2 * k + k * k), first);
          }
          for (let c = 0; c < K; c++) {
            tally.sumWU2[c]! += stratum.s1[c]!;
            tally.rowsNonzero[c]! += stratum.psuNonzero[c]!;
          }
        } else stratum.psuTotals = new Float64Array(2 * K * (psusPerStratum[number] as number));
        tally.strata.set(s.key, stratum);
        return stratum;
      });
      if (slots.clustered) {
        slots.psuKey.forEach((key, slot) => {
          const stratum = strata[slots.psuStratum[slot] as number] as StratumTally;
          const to = 2 * K * stratum.open.size;
          const totals = stratum.psuTotals;
          for (let g = 0; g < groups; g++) {
            const from = slot * stride + block + g * size;
            const first = to + g * k;
            for (let c = 0; c < k; c++) {
              totals[first + c] = blocks[from + 2 * c] as number;
              totals[first + K + c] = blocks[from + 2 * c + 1] as number;
            }
            if (!multi) {
              // A single choice's answered column: the sum of its category columns.
              for (let c = 1; c < k; c++) {
                totals[first]! += totals[first + c]!;
                totals[first + K]! += totals[first + K + c]!;
              }
            }
          }
          for (let c = 0; c < K; c++) {
            tally.sumWU2[c]! += totals[to + c]!;
            tally.rowsNonzero[c]! += totals[to + K + c]!;
          }
          stratum.open.set(key, stratum.open.size);
        });
      }
      return tally;
    });
  }

  /** The batch's first `n` records (indexes into the reader's arrays) ordered by slot, stably (a counting sort). */
  private bySlot(n: number, slotCount: number): Int32Array {
    if (this.slotStarts.length < slotCount + 1) this.slotStarts = new Int32Array(2 * slotCount + 1);
    if (this.order.length < n) this.order = new Int32Array(n);
    const starts = this.slotStarts.fill(0, 0, slotCount + 1);
    const slotOf = this.reader.slot;
    for (let i = 0; i < n; i++) starts[(slotOf[i] as number) + 1]! += 1;
    for (let slot = 0; slot < slotCount; slot++) starts[slot + 1]! += starts[slot]!;
    for (let i = 0; i < n; i++) this.order[starts[slotOf[i] as number]!++] = i;
    return this.order;
  }

  /** Makes room for at least `slots` slots. */
  private grow(slots: number): void {
    let capacity = this.blocks.length / this.stride;
    while (capacity < slots) capacity *= 2;
    const grown = new Float64Array(capacity * this.stride);
    grown.set(this.blocks);
    this.blocks = grown;
  }
}
