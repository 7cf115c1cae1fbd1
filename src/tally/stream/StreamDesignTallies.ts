import type { DesignSpec } from "../../codebook";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import type { CodedAnswers } from "../../survey";
import { createDesignTally, createStratumTally, type DesignTally, type StratumTally } from "../designTally";
import { DesignReader } from "./DesignReader";
import type { DesignSlots } from "./DesignSlots";

/** A categorical question whose design tally is kept: its columns [answered, category 1, …, category k]. */
export interface DesignQuestion {
  id: string;
  /** 1 + its number of categories. */
  columns: number;
}

/** Where one question's numbers sit. */
interface Layout extends DesignQuestion {
  /** Offset of its numbers in each slot's block. */
  block: number;
  /** Offset of its per-column sums (Σ w u², Σ w² u², rows with u ≠ 0). */
  sums: number;
}

/**
 * The design tallies of every categorical question of a stream of records, kept densely: one
 * slot per PSU (per stratum without clusters, see `DesignSlots`), and per slot one block holding
 * every question's numbers side by side — its PSU totals T_k and rows with u_k ≠ 0 (clustered),
 * or its folded S1, S2 and PSUs with u_k ≠ 0 (every record its own PSU). A record costs one
 * stratum and PSU lookup for all the questions, and its updates land in one block of memory
 * instead of one open PSU vector per question. The sums are the very ones `addDesignRows`
 * makes (each analysis value u is 0 or 1, so w·u is w and w·u·w·u is w·w, added in the same
 * record order), and `toDesignTallies` hands them over in its `DesignTally` shape.
 */
export class StreamDesignTallies {
  readonly reader: DesignReader;
  private readonly slots: DesignSlots;
  private readonly questions: Layout[];
  /** Numbers per slot: Σ 2k per question (clustered) or Σ (2k + k²) (unclustered). */
  private readonly stride: number;
  private blocks: Float64Array;
  /** Per question and column: Σ w u², Σ w² u², rows with u ≠ 0. */
  private readonly sumWU2: Float64Array;
  private readonly sumW2U2: Float64Array;
  private readonly rowsNonzero: Float64Array;
  /** Batch rows that are not ragged: the rows the design tallies take. */
  private designRows: number[] = [];
  /** Scratch: the columns with u = 1 of one record's answer. */
  private readonly nonzero: Int32Array;

  constructor(design: DesignSpec, columnIndex: ReadonlyMap<string, number>, batchSize: number, questions: readonly DesignQuestion[]) {
    this.reader = new DesignReader(design, columnIndex, batchSize);
    this.slots = this.reader.slots;
    const clustered = this.slots.clustered;
    let block = 0;
    let sums = 0;
    this.questions = questions.map((question) => {
      const k = question.columns;
      const layout = { ...question, block, sums };
      block += clustered ? 2 * k : 2 * k + k * k;
      sums += k;
      return layout;
    });
    this.stride = block;
    this.blocks = new Float64Array(64 * block);
    this.sumWU2 = new Float64Array(sums);
    this.sumW2U2 = new Float64Array(sums);
    this.rowsNonzero = new Float64Array(sums);
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
    const { reader, slots, stride } = this;
    if (this.blocks.length < slots.size * stride) this.grow(slots.size);
    const blocks = this.blocks;
    const { sumWU2, sumW2U2, rowsNonzero } = this;
    const coded = this.questions.map((question) => answers.get(question.id) as CodedAnswers);
    const codes = coded.map((answer) => answer.codes);
    const selected = coded.map((answer) => (answer.kind === "multi" ? answer.selected : undefined));
    const questions = this.questions;
    const folded = !slots.clustered;
    // addDesignRows counts row i of a chunk as rowOffset + i (its stratum's first row in the tallies).
    const rowOffset = (batch.linesBefore[rows[0] as number] as number) - 1;
    const nonzero = this.nonzero;
    for (let i = 0; i < n; i++) {
      const row = rows[i] as number;
      const w = reader.weights === undefined ? 1 : (reader.weights[i] as number);
      const fpc = reader.fpc === undefined ? undefined : typeof reader.fpc === "number" ? reader.fpc : (reader.fpc[i] as number);
      slots.addRow(reader.stratum[i] as number, w, fpc, rowOffset + i, (batch.linesBefore[row] as number) + 1);
      const base = (reader.slot[i] as number) * stride;
      const ww = w * w;
      for (let q = 0; q < questions.length; q++) {
        const code = (codes[q] as Int16Array)[row] as number;
        if (code < 0) continue;
        const { columns: k, block, sums } = questions[q] as Layout;
        // The columns with u = 1: answered (0), then the chosen categories in order.
        let count = 1;
        nonzero[0] = 0;
        const options = selected[q];
        if (options === undefined) nonzero[count++] = code + 1;
        else for (let c = 0; c < options.length; c++) if ((options[c] as Uint8Array)[row] !== 0) nonzero[count++] = c + 1;
        for (let j = 0; j < count; j++) {
          const c = nonzero[j] as number;
          sumWU2[sums + c]! += w;
          sumW2U2[sums + c]! += ww;
          rowsNonzero[sums + c]! += 1;
        }
        const at = base + block;
        if (!folded) {
          // PSU totals T_c += w and rows with u_c ≠ 0, kept open until the tally is finalised.
          for (let j = 0; j < count; j++) {
            const c = nonzero[j] as number;
            blocks[at + c]! += w;
            blocks[at + k + c]! += 1;
          }
          continue;
        }
        // Every record is its own PSU: S1 += T, S2 += T Tᵀ (upper triangle), PSUs with u_c ≠ 0.
        const s2 = at + k;
        const psuNonzero = s2 + k * k;
        for (let j = 0; j < count; j++) {
          const a = nonzero[j] as number;
          blocks[at + a]! += w;
          blocks[psuNonzero + a]! += 1;
          for (let m = j; m < count; m++) blocks[s2 + a * k + (nonzero[m] as number)]! += ww;
        }
      }
    }
  }

  /** Each question's design tally, as `addDesignRows` would have made it from the same records. */
  toDesignTallies(): Map<string, DesignTally> {
    const { slots, blocks, stride } = this;
    const tallies = new Map<string, DesignTally>();
    for (const { id, columns: k, block, sums } of this.questions) {
      const tally = createDesignTally(k, slots.clustered);
      tally.rows = slots.rows;
      tally.sumW = slots.sumW;
      tally.sumW2 = slots.sumW2;
      tally.sumWU2.set(this.sumWU2.subarray(sums, sums + k));
      tally.sumW2U2.set(this.sumW2U2.subarray(sums, sums + k));
      tally.rowsNonzero.set(this.rowsNonzero.subarray(sums, sums + k));
      const strata = slots.strata.map((s, number) => {
        const stratum = createStratumTally(s.key, k, s.firstRow, s.fpc);
        stratum.rows = s.rows;
        if (!slots.clustered) {
          const at = number * stride + block;
          stratum.nPsu = s.rows;
          stratum.s1.set(blocks.subarray(at, at + k));
          stratum.s2.set(blocks.subarray(at + k, at + k + k * k));
          stratum.psuNonzero.set(blocks.subarray(at + k + k * k, at + 2 * k + k * k));
        }
        tally.strata.set(s.key, stratum);
        return stratum;
      });
      if (slots.clustered) {
        slots.psuKey.forEach((key, slot) => {
          const at = slot * stride + block;
          (strata[slots.psuStratum[slot] as number] as StratumTally).open.set(key, blocks.slice(at, at + 2 * k));
        });
      }
      tallies.set(id, tally);
    }
    return tallies;
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
