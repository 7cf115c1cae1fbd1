import { AnswerStatus, leafFilters, type Codebook, type DesignSpec } from "../../codebook";
import { SurveyError } from "../../errors";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import { decodeRecord } from "../../load/stream/decodeRecord";
import { applyFilters } from "../../survey/applyFilters";
import type { CodedAnswers, DataIssue, QuestionAccount } from "../../survey";
import { mergeTallies } from "../mergeTallies";
import { tallyAnswers } from "../tallyAnswers";
import type { Tally } from "../types";
import { addDesignRows, createDesignTally, type DesignTally } from "../designTally";
import { emptyAccount } from "./accounting";
import { DesignReader } from "./DesignReader";
import { QuestionReader } from "./QuestionReader";

/** The tallies and the accounting of one stretch of records (a whole file, or one worker's part). */
export interface PartTally {
  /** Whole-sample tally per question id, in codebook order. */
  tallies: Map<string, Tally>;
  /** Per question: `rowsRead = used + missing + notAsked + excluded`. */
  accounts: Record<string, QuestionAccount>;
  /** Problems, in row order, with spreadsheet rows. */
  issues: DataIssue[];
  /** Records read (answer rows). */
  rowsRead: number;
  /**
   * With a design that can be streamed (`streamableDesign`): per categorical question, the
   * design tally of the columns [answered, category 1, …, category k] (0/1 per record).
   */
  designTallies?: Map<string, DesignTally>;
}

/**
 * Whether a design's estimates can be tallied in one pass: weights, strata and clusters can; a
 * calibration (iterative, on every row) cannot, nor replicate weights (not tallied), nor an fpc
 * without a weights column (its weights N_h/n_h wait for the count of PSUs n_h).
 */
export function streamableDesign(design: DesignSpec | undefined): design is DesignSpec {
  if (design === undefined || design.calibration !== undefined || design.replicates !== undefined) return false;
  const named = design.weights !== undefined || design.strata !== undefined || design.cluster !== undefined || typeof design.fpc === "string";
  return named && (design.fpc === undefined || design.weights !== undefined);
}

/**
 * Tallies streamed records. Questions that no filter touches are counted per distinct value
 * (see `QuestionReader`). Filtered questions and the questions their filters look at are coded
 * per row in batches shaped like the in-memory `CodedAnswers`, and each batch goes through the
 * very functions `surveyFromTable` and `estimate` use — `applyFilters` for denominators and
 * skip-logic violations, `tallyAnswers` for counts — before `mergeTallies` adds it to the
 * running tallies. Memory is bounded by the batch size and the categories, never by the file.
 */
export class StreamTallier {
  private readonly readers: QuestionReader[];
  /** The readers that code per row, and the codebook restricted to their questions. */
  private readonly rowReaders: QuestionReader[];
  private readonly filterCodebook: Codebook;
  private readonly width: number;
  private readonly ragged: DataIssue[] = [];
  private readonly batchTallies = new Map<string, Tally>();
  private readonly batchAccounts = new Map<string, QuestionAccount>();
  private readonly issues: DataIssue[] = [];
  private rowsRead = 0;
  private readonly design: DesignReader | undefined;
  private readonly designTallies = new Map<string, DesignTally>();
  /** Batch rows that are not ragged, in design mode: the rows the design tallies take. */
  private designRows: number[] = [];

  constructor(
    codebook: Codebook,
    header: readonly string[],
    private readonly delimiter: string,
    private readonly decoder: TextDecoder,
    batchSize: number,
    /** Also tally the design (weights, strata, clusters) of a codebook whose design can be streamed. */
    withDesign = false,
  ) {
    const columnIndex = new Map<string, number>();
    header.forEach((name, i) => {
      if (!columnIndex.has(name)) columnIndex.set(name, i);
    });
    this.width = header.length;
    const coded = questionsCodedPerRow(codebook);
    this.design = withDesign && streamableDesign(codebook.design) ? new DesignReader(codebook.design, columnIndex, batchSize) : undefined;
    // A design needs each record's codes beside its weight, stratum and PSU.
    this.readers = codebook.questions.map(
      (question) =>
        new QuestionReader(question, columnIndex, codebook.missing ?? [], decoder, coded.has(question.id) || this.design ? batchSize : 0),
    );
    if (this.design) {
      for (const reader of this.readers) {
        if (reader.question.type !== "numeric") this.designTallies.set(reader.question.id, createDesignTally(1 + reader.categories.length, this.design.cluster !== undefined));
      }
    }
    this.rowReaders = this.readers.filter((reader) => reader.batchSize > 0);
    this.filterCodebook = { ...codebook, questions: codebook.questions.filter((question) => coded.has(question.id)) };
  }

  /** Takes a batch of records (a `BatchHandler` for `CsvRecordScanner`). */
  readonly batch = (bytes: Uint8Array, batch: RecordBatch): void => {
    for (const reader of this.readers) reader.readBatch(bytes, batch, this.width);
    for (let row = 0; row < batch.count; row++) {
      if (batch.fieldCounts[row] !== this.width) this.reportRagged(bytes, batch, row);
    }
    if (this.design) {
      this.designRows = [];
      for (let row = 0; row < batch.count; row++) if (batch.fieldCounts[row] === this.width) this.designRows.push(row);
      this.design.readBatch(bytes, batch, this.designRows, this.decoder);
    }
    this.flush(batch);
  };

  /** The tallies and accounting of every record taken. */
  finish(): PartTally {
    const tallies = new Map<string, Tally>();
    const accounts: Record<string, QuestionAccount> = Object.create(null);
    for (const reader of this.readers) {
      const id = reader.question.id;
      const { tally, account } =
        reader.batchSize > 0
          ? { tally: this.batchTallies.get(id) ?? tallyAnswers(reader.answers(0)), account: this.batchAccounts.get(id) ?? emptyAccount() }
          : reader.valueTally(this.rowsRead);
      tallies.set(id, tally);
      accounts[id] = account;
    }
    return { tallies, accounts, issues: this.issues, rowsRead: this.rowsRead, ...(this.design ? { designTallies: this.designTallies } : {}) };
  }

  /** Applies filters to the batch's row codes, counts them, and files the batch's issues in row order. */
  private flush(batch: RecordBatch): void {
    const rows = batch.count;
    const answers = new Map<string, CodedAnswers>(this.rowReaders.map((reader) => [reader.question.id, reader.answers(rows)]));
    const violations = applyFilters(this.filterCodebook, answers, rows);
    const batchIssues = [...this.ragged, ...this.readers.flatMap((reader) => reader.issues)];
    for (const { question, row } of violations) {
      const reader = this.rowReaders.find((candidate) => candidate.question.id === question) as QuestionReader;
      const column = "column" in reader.question ? reader.question.column : undefined;
      batchIssues.push({
        code: "E_SKIP_LOGIC",
        row: (batch.linesBefore[row] as number) + 1,
        ...(column === undefined ? {} : { column, value: reader.rawCell(row) ?? "" }),
        question,
        reason: "answered, but the question's filter excludes this respondent",
      });
    }
    batchIssues.sort((a, b) => a.row - b.row);
    this.issues.push(...batchIssues);
    for (const reader of this.rowReaders) {
      const id = reader.question.id;
      const coded = answers.get(id) as CodedAnswers;
      const tally = tallyAnswers(coded);
      const running = this.batchTallies.get(id);
      this.batchTallies.set(id, running ? mergeTallies(running, tally) : tally);
      const account = this.batchAccounts.get(id) ?? emptyAccount();
      countStatuses(account, coded.codes);
      this.batchAccounts.set(id, account);
    }
    if (this.design) this.addToDesignTallies(answers, batch);
    for (const reader of this.readers) reader.reset(rows);
    this.ragged.length = 0;
    this.rowsRead += rows;
  }

  /**
   * Adds the batch's records (not the ragged ones) to each question's design tally: 1 when
   * answered, and 1 in the chosen category's column. A design error (a negative weight, an fpc
   * that varies within a stratum) names the record's spreadsheet row.
   */
  private addToDesignTallies(answers: ReadonlyMap<string, CodedAnswers>, batch: RecordBatch): void {
    const design = this.design as DesignReader;
    const rows = this.designRows;
    const n = rows.length;
    if (n === 0) return;
    const rowOffset = (batch.linesBefore[rows[0] as number] as number) - 1; // spreadsheetRow(rowOffset + i) is row i's
    const shared = {
      ...(design.weights ? { weights: design.weights.subarray(0, n) } : {}),
      ...(design.strata ? { strata: design.strata.slice(0, n) } : {}),
      ...(design.cluster ? { cluster: design.cluster.slice(0, n) } : {}),
      ...(design.fpc === undefined ? {} : { fpc: typeof design.fpc === "number" ? design.fpc : design.fpc.subarray(0, n) }),
    };
    for (const [id, tally] of this.designTallies) {
      const coded = answers.get(id) as CodedAnswers;
      const columns = Array.from({ length: tally.columns }, () => new Float64Array(n));
      rows.forEach((row, i) => {
        const code = coded.codes[row] as number;
        if (code < 0) return;
        (columns[0] as Float64Array)[i] = 1;
        if (coded.kind === "multi") coded.selected.forEach((chosen, c) => ((columns[c + 1] as Float64Array)[i] = chosen[row] as number));
        else (columns[code + 1] as Float64Array)[i] = 1;
      });
      try {
        addDesignRows(tally, { columns, ...shared }, { rowOffset, names: design.names });
      } catch (error) {
        if (!(error instanceof SurveyError) || error.row === undefined) throw error;
        const row = rows[error.row - 2 - rowOffset] as number;
        throw new SurveyError(error.code, error.reason, {
          row: (batch.linesBefore[row] as number) + 1,
          ...(error.column === undefined ? {} : { column: error.column }),
          ...(error.value === undefined ? {} : { value: error.value }),
        });
      }
    }
  }

  private reportRagged(bytes: Uint8Array, batch: RecordBatch, row: number): void {
    const record = bytes.subarray(batch.extents[2 * row] as number, batch.extents[2 * row + 1] as number);
    const fieldCount = batch.fieldCounts[row] as number;
    this.ragged.push({
      code: "E_RAGGED_ROW",
      row: (batch.linesBefore[row] as number) + 1,
      value: (decodeRecord(record, this.delimiter, this.decoder) ?? []).join(this.delimiter),
      reason: `has ${fieldCount} fields where the header has ${this.width}; left out of every question`,
    });
  }
}

/** Ids of the filtered questions and of every question a filter looks at. */
function questionsCodedPerRow(codebook: Codebook): Set<string> {
  const ids = new Set<string>();
  for (const question of codebook.questions) {
    if (question.filter === undefined) continue;
    ids.add(question.id);
    for (const [leaf] of leafFilters(question.filter, question.id)) ids.add(leaf.question);
  }
  return ids;
}


/** Adds a batch's codes to a question's account: answered, missing, not asked, or excluded. */
function countStatuses(account: QuestionAccount, codes: Int16Array): void {
  account.rowsRead += codes.length;
  for (const code of codes) {
    if (code >= 0) account.used += 1;
    else if (code === AnswerStatus.missing) account.missing += 1;
    else if (code === AnswerStatus.filtered) account.notAsked += 1;
    else account.excluded += 1;
  }
}
