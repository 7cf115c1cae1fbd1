import { questionCategories, type Codebook, type DesignSpec, type Question } from "../../codebook";
import { samplingStages } from "../../codebook/samplingStages";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import { cutValue } from "../../load/cutValue";
import { decodeRecord } from "../../load/stream/decodeRecord";
import { recordsPerBatch } from "../../load/stream/recordsPerBatch";
import { applyFilters } from "../../survey/applyFilters";
import { countStatuses } from "../../survey/countStatuses";
import { questionsFilterLooksAt } from "../../survey/SurveyBuilder";
import type { CodedAnswers, DataIssue, OmittedIssues, QuestionAccount } from "../../survey";
import { IssueLog } from "../../survey/IssueLog";
import { tallyAnswers } from "../tallyAnswers";
import type { Tally } from "../types";
import type { DesignTally } from "../designTally";
import { addTally, emptyAccount } from "./accounting";
import { StreamDesignTallies } from "./StreamDesignTallies";
import { QuestionReader } from "./QuestionReader";
import { columnPlaces } from "./columnPlaces";
import { RespondentIds } from "./RespondentIds";

/** The tallies and the accounting of one stretch of records (a whole file, or one worker's part). */
export interface PartTally {
  /** Whole-sample tally per question id, in codebook order. */
  tallies: Map<string, Tally>;
  /** Per question: `rowsRead = used + missing + notAsked + excluded`. */
  accounts: Record<string, QuestionAccount>;
  /** Problems, in row order, with spreadsheet rows: the first `issueLimit` of each question and code. */
  issues: DataIssue[];
  /** Problems counted beyond them (`IssueLog`). */
  omittedIssues?: OmittedIssues[];
  /** Records read (answer rows). */
  rowsRead: number;
  /**
   * With a design that can be streamed (`streamableDesign`): per categorical question, the
   * design tally of the columns [answered, category 1, …, category k] (0/1 per record).
   */
  designTallies?: Map<string, DesignTally>;
  /** Split by a grouping question: per categorical question (multi-selects too), its tally by group (`Tally.by`). */
  byTallies?: Map<string, Tally>;
  /**
   * Split by a grouping question, with a design (instead of `designTallies`): per categorical
   * question, the design tally of G·(1 + k) columns, group-major: for each group g,
   * [answered ∧ in g, category 1 ∧ in g, …].
   */
  byDesignTallies?: Map<string, DesignTally>;
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
 * Split by a grouping question, the grouping question is coded per row too, and once the filters
 * have settled each record's group, value-counting questions count (value, group) pairs
 * (`QuestionReader.countGroups`) and the others `tallyAnswers(answers, group)` per batch.
 */
export class StreamTallier {
  private readonly readers: QuestionReader[];
  /** The readers that code per row, and the codebook restricted to their questions. */
  private readonly rowReaders: QuestionReader[];
  private readonly filterCodebook: Codebook;
  private readonly width: number;
  private readonly batchTallies = new Map<string, Tally>();
  /** Split by a grouping question: the running split tallies of the readers that code per row. */
  private readonly batchByTallies = new Map<string, Tally>();
  /** The grouping question's reader, and the readers whose tallies are split by it (the categorical ones). */
  private readonly grouping: QuestionReader | undefined;
  /** The questions whose design tallies are kept, in the order of `StreamDesignTallies`' blocks. */
  private readonly designIds: string[];
  private readonly groupedReaders: QuestionReader[];
  private readonly batchAccounts = new Map<string, QuestionAccount>();
  private readonly issues: IssueLog;
  private rowsRead = 0;
  private readonly design: StreamDesignTallies | undefined;
  /** Per batch row: 1 when the record is left out of every question (ragged, or a repeated respondent id). */
  private leftOut = new Uint8Array(0);
  /** The respondent ids seen, when the codebook names a respondent id column. */
  private readonly respondentIds: RespondentIds | undefined;
  /** The field numbers whose bounds the scanner must keep (`ScannerOptions.keep`): the columns the codebook reads. */
  readonly keptFields: number[];
  /** Records per batch the scanner must deliver at most. */
  readonly batchSize: number;

  constructor(
    codebook: Codebook,
    header: readonly string[],
    private readonly delimiter: string,
    private readonly decoder: TextDecoder,
    /** Records per batch at most: fewer when many columns are read (`batchSize`). */
    maxBatchSize: number,
    /** Also tally the design (weights, strata, clusters) of a codebook whose design can be streamed: of every categorical question, or of those listed. */
    withDesign: boolean | readonly string[] = false,
    /** Problems listed per question and code (`IssueLog`). */
    issueLimit?: number,
    /** A grouping question (checked by `groupingQuestion`): also tally each categorical question split by it. */
    by?: string,
  ) {
    this.issues = new IssueLog(issueLimit);
    const columns = columnPlaces(header, codebook);
    this.keptFields = columns.fields;
    // The scanner keeps two bounds per kept field and record: a codebook of 10 000 questions would
    // take 80 MB of bounds at 1024 records a batch.
    const batchSize = recordsPerBatch(columns.fields.length, maxBatchSize);
    this.batchSize = batchSize;
    this.respondentIds =
      codebook.respondentId === undefined ? undefined : new RespondentIds(codebook.respondentId, columns.place.get(codebook.respondentId) as number, decoder, this.issues);
    this.width = header.length;
    const coded = questionsFilterLooksAt(codebook);
    const design = withDesign !== false && streamableDesign(codebook.design) ? codebook.design : undefined;
    const designed = (question: Question) => design !== undefined && question.type !== "numeric" && (withDesign === true || (withDesign as readonly string[]).includes(question.id));
    const byQuestion = by === undefined ? undefined : codebook.questions.find((question) => question.id === by);
    const split = byQuestion && { question: byQuestion.id, groups: questionCategories(byQuestion) };
    // A design needs each record's codes beside its weight, stratum and PSU, a split the group of each record;
    // questions no filter touches still count values.
    this.readers = codebook.questions.map((question) => {
      const rowCodes = coded.has(question.id) || designed(question) || question.id === by;
      const grouped = split && question.type !== "numeric" ? split : undefined;
      return new QuestionReader(question, columns, codebook.missing ?? [], decoder, rowCodes ? batchSize : 0, !coded.has(question.id), this.issues, grouped);
    });
    this.grouping = this.readers.find((reader) => reader.question.id === by);
    this.groupedReaders = split ? this.readers.filter((reader) => reader.question.type !== "numeric") : [];
    // Split by a group, the design's sums are kept per group only (half the memory of keeping both).
    const designQuestions = this.readers
      .filter((reader) => designed(reader.question))
      .map((reader) => ({
        id: reader.question.id,
        columns: 1 + reader.categories.length,
        multi: reader.question.type === "multi",
        ...(split ? { groupedBy: { question: split.question, groups: split.groups.length } } : {}),
      }));
    this.designIds = designQuestions.map((question) => question.id);
    this.design = design && new StreamDesignTallies(design, columns, batchSize, designQuestions);
    this.rowReaders = this.readers.filter((reader) => !reader.countsValues);
    this.filterCodebook = { ...codebook, questions: codebook.questions.filter((question) => coded.has(question.id)) };
  }

  /** Takes a batch of records (a `BatchHandler` for `CsvRecordScanner`). */
  readonly batch = (bytes: Uint8Array, batch: RecordBatch): void => {
    if (this.leftOut.length < batch.count) this.leftOut = new Uint8Array(batch.capacity);
    const leftOut = this.leftOut;
    for (let row = 0; row < batch.count; row++) {
      leftOut[row] = 0;
      if (batch.fieldCounts[row] !== this.width) {
        leftOut[row] = 1;
        this.reportRagged(bytes, batch, row);
      } else if (this.respondentIds && this.respondentIds.repeated(bytes, batch, row)) leftOut[row] = 1;
    }
    for (const reader of this.readers) reader.readBatch(bytes, batch, this.width, leftOut);
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
    const byTallies = this.grouping && new Map(this.groupedReaders.map((reader) => [reader.question.id, this.byTally(reader)]));
    const designTallies = this.design && new Map(this.design.toDesignTallies().map((tally, q) => [this.designIds[q] as string, tally]));
    return {
      tallies,
      accounts,
      ...this.issues.toReport(),
      rowsRead: this.rowsRead,
      ...(byTallies ? { byTallies } : {}),
      ...(designTallies ? (byTallies ? { byDesignTallies: designTallies } : { designTallies }) : {}),
    };
  }

  /** A reader's tally split by the grouping question. */
  private byTally(reader: QuestionReader): Tally {
    if (reader.countsValues) return reader.groupTally();
    return this.batchByTallies.get(reader.question.id) ?? tallyAnswers(reader.answers(0), (this.grouping as QuestionReader).answers(0));
  }

  /** Applies filters to the batch's row codes, counts them, and reports skip-logic violations. */
  private flush(batch: RecordBatch): void {
    const rows = batch.count;
    const answers = new Map<string, CodedAnswers>(
      this.readers.filter((reader) => reader.batchSize > 0).map((reader) => [reader.question.id, reader.answers(rows)]),
    );
    const violations = applyFilters(this.filterCodebook, answers, rows);
    for (const { question, row } of violations) {
      const reader = this.rowReaders.find((candidate) => candidate.question.id === question) as QuestionReader;
      const column = "column" in reader.question ? reader.question.column : undefined;
      this.issues.push({
        code: "E_SKIP_LOGIC",
        row: (batch.linesBefore[row] as number) + 1,
        ...(column === undefined ? {} : { column, value: cutValue(reader.rawCell(row) ?? "") }),
        question,
        reason: "answered, but the question's filter excludes this respondent",
      });
    }
    const groups = this.grouping && (answers.get(this.grouping.question.id) as CodedAnswers);
    if (groups) for (const reader of this.groupedReaders) if (reader.countsValues) reader.countGroups(groups.codes, rows);
    for (const reader of this.rowReaders) {
      const id = reader.question.id;
      const coded = answers.get(id) as CodedAnswers;
      addTally(this.batchTallies, tallyAnswers(coded));
      if (groups && reader.question.type !== "numeric") addTally(this.batchByTallies, tallyAnswers(coded, groups));
      const account = this.batchAccounts.get(id) ?? emptyAccount();
      countStatuses(account, coded.codes);
      this.batchAccounts.set(id, account);
    }
    this.design?.add(answers, batch);
    for (const reader of this.readers) reader.reset(rows);
    this.rowsRead += rows;
  }

  private reportRagged(bytes: Uint8Array, batch: RecordBatch, row: number): void {
    const record = bytes.subarray(batch.extents[2 * row] as number, batch.extents[2 * row + 1] as number);
    const fieldCount = batch.fieldCounts[row] as number;
    this.issues.push({
      code: "E_RAGGED_ROW",
      row: (batch.linesBefore[row] as number) + 1,
      value: cutValue((decodeRecord(record, this.delimiter, this.decoder) ?? []).join(this.delimiter)),
      reason: `has ${fieldCount} fields where the header has ${this.width}; left out of every question`,
    });
  }
}
