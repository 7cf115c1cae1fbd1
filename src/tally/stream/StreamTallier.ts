import type { Codebook, DesignSpec } from "../../codebook";
import { samplingStages } from "../../codebook/samplingStages";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import { cutValue } from "../../load/cutValue";
import { decodeRecord } from "../../load/stream/decodeRecord";
import { applyFilters } from "../../survey/applyFilters";
import { countStatuses } from "../../survey/countStatuses";
import { indexColumns } from "../../survey/indexColumns";
import { questionsFilterLooksAt } from "../../survey/SurveyBuilder";
import type { CodedAnswers, DataIssue, QuestionAccount } from "../../survey";
import { mergeTallies } from "../mergeTallies";
import { tallyAnswers } from "../tallyAnswers";
import type { Tally } from "../types";
import type { DesignTally } from "../designTally";
import { emptyAccount } from "./accounting";
import { StreamDesignTallies } from "./StreamDesignTallies";
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
 * Why a design's estimates cannot be tallied in one pass, or undefined when they can: weights,
 * strata and clusters can; a calibration cannot (iterative, on every row), nor replicate weights
 * (not tallied), nor a multistage design (its later stages' variance needs the units within every
 * PSU), nor an fpc without a weights column (its weights N_h/n_h wait for the count of PSUs n_h).
 *
 * @param design - The codebook's design.
 * @returns The reason `tallyFile` cannot tally the design in one pass, or undefined when it can.
 *
 * @example
 * ```ts
 * import { designStreamRefusal } from "svyprop";
 *
 * designStreamRefusal({ weights: "w", strata: "region" }); // → undefined
 * designStreamRefusal({ weights: "w", cluster: ["school", "class"] }); // → "a multistage design needs every row in memory…"
 * ```
 */
export function designStreamRefusal(design: DesignSpec | undefined): string | undefined {
  if (design === undefined) return "the codebook has no design";
  if (design.calibration !== undefined) return "a calibration needs every row in memory (it adjusts every weight, iteratively)";
  if (design.replicates !== undefined) return "replicate weights need every row in memory (they are not tallied)";
  const stages = samplingStages(design);
  if (stages.length > 1) return "a multistage design needs every row in memory (its later stages' variance needs the units within every PSU)";
  const [{ cluster, fpc }] = stages;
  if (design.weights === undefined && design.strata === undefined && cluster === undefined && typeof fpc !== "string") {
    return "the codebook's design names no weights, strata or clusters";
  }
  if (fpc !== undefined && design.weights === undefined) {
    return "an fpc without a weights column needs every row in memory (its weights N_h/n_h wait for the count of PSUs n_h)";
  }
  return undefined;
}

/**
 * Whether a design's estimates can be tallied in one pass (`designStreamRefusal` has no objection).
 *
 * @param design - The codebook's design.
 * @returns Whether `tallyFile` can tally it in one pass.
 *
 * @example
 * ```ts
 * import { streamableDesign } from "svyprop";
 *
 * [streamableDesign({ weights: "w" }), streamableDesign({ fpc: "N" })]; // → [true, false]
 * ```
 */
export function streamableDesign(design: DesignSpec | undefined): design is DesignSpec {
  return designStreamRefusal(design) === undefined;
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
  private readonly design: StreamDesignTallies | undefined;

  constructor(
    codebook: Codebook,
    header: readonly string[],
    private readonly delimiter: string,
    private readonly decoder: TextDecoder,
    batchSize: number,
    /** Also tally the design (weights, strata, clusters) of a codebook whose design can be streamed. */
    withDesign = false,
  ) {
    const columnIndex = indexColumns(header, codebook);
    this.width = header.length;
    const coded = questionsFilterLooksAt(codebook);
    const design = withDesign && streamableDesign(codebook.design) ? codebook.design : undefined;
    // A design needs each record's codes beside its weight, stratum and PSU; questions no filter touches still count values.
    this.readers = codebook.questions.map(
      (question) =>
        new QuestionReader(question, columnIndex, codebook.missing ?? [], decoder, coded.has(question.id) || design ? batchSize : 0, !coded.has(question.id)),
    );
    this.design =
      design &&
      new StreamDesignTallies(
        design,
        columnIndex,
        batchSize,
        this.readers.filter((reader) => reader.question.type !== "numeric").map((reader) => ({ id: reader.question.id, columns: 1 + reader.categories.length, multi: reader.question.type === "multi" })),
      );
    this.rowReaders = this.readers.filter((reader) => !reader.countsValues);
    this.filterCodebook = { ...codebook, questions: codebook.questions.filter((question) => coded.has(question.id)) };
  }

  /** Takes a batch of records (a `BatchHandler` for `CsvRecordScanner`). */
  readonly batch = (bytes: Uint8Array, batch: RecordBatch): void => {
    for (const reader of this.readers) reader.readBatch(bytes, batch, this.width);
    for (let row = 0; row < batch.count; row++) {
      if (batch.fieldCounts[row] !== this.width) this.reportRagged(bytes, batch, row);
    }
    this.design?.readBatch(bytes, batch, this.width, this.decoder);
    this.flush(batch);
  };

  /** The tallies and accounting of every record taken. */
  finish(): PartTally {
    const tallies = new Map<string, Tally>();
    const accounts: Record<string, QuestionAccount> = Object.create(null);
    for (const reader of this.readers) {
      const id = reader.question.id;
      const { tally, account } =
        !reader.countsValues
          ? { tally: this.batchTallies.get(id) ?? tallyAnswers(reader.answers(0)), account: this.batchAccounts.get(id) ?? emptyAccount() }
          : reader.valueTally(this.rowsRead);
      tallies.set(id, tally);
      accounts[id] = account;
    }
    return { tallies, accounts, issues: this.issues, rowsRead: this.rowsRead, ...(this.design ? { designTallies: this.design.toDesignTallies() } : {}) };
  }

  /** Applies filters to the batch's row codes, counts them, and files the batch's issues in row order. */
  private flush(batch: RecordBatch): void {
    const rows = batch.count;
    const answers = new Map<string, CodedAnswers>(
      this.readers.filter((reader) => reader.batchSize > 0).map((reader) => [reader.question.id, reader.answers(rows)]),
    );
    const violations = applyFilters(this.filterCodebook, answers, rows);
    const batchIssues = [...this.ragged, ...this.readers.flatMap((reader) => reader.issues)];
    for (const { question, row } of violations) {
      const reader = this.rowReaders.find((candidate) => candidate.question.id === question) as QuestionReader;
      const column = "column" in reader.question ? reader.question.column : undefined;
      batchIssues.push({
        code: "E_SKIP_LOGIC",
        row: (batch.linesBefore[row] as number) + 1,
        ...(column === undefined ? {} : { column, value: cutValue(reader.rawCell(row) ?? "") }),
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
    this.design?.add(answers, batch);
    for (const reader of this.readers) reader.reset(rows);
    this.ragged.length = 0;
    this.rowsRead += rows;
  }

  private reportRagged(bytes: Uint8Array, batch: RecordBatch, row: number): void {
    const record = bytes.subarray(batch.extents[2 * row] as number, batch.extents[2 * row + 1] as number);
    const fieldCount = batch.fieldCounts[row] as number;
    this.ragged.push({
      code: "E_RAGGED_ROW",
      row: (batch.linesBefore[row] as number) + 1,
      value: cutValue((decodeRecord(record, this.delimiter, this.decoder) ?? []).join(this.delimiter)),
      reason: `has ${fieldCount} fields where the header has ${this.width}; left out of every question`,
    });
  }
}

