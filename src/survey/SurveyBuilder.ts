import { AnswerStatus, leafFilters, type Codebook, type DesignSpec } from "../codebook";
import { SurveyError } from "../errors";
import { cutValue } from "../load/cutValue";
import { emptyRecordBatch, type RecordBatch } from "../load/stream/CsvRecordScanner";
import { decodeField } from "../load/stream/decodeField";
import { decodeRecord } from "../load/stream/decodeRecord";
import { applyFilters } from "./applyFilters";
import { CellCoder } from "./CellCoder";
import { countStatuses } from "./countStatuses";
import { DesignCellColumns } from "./DesignCellColumns";
import { grown } from "./grown";
import { requireColumns } from "./indexColumns";
import { duplicateIdIssue } from "./duplicateIdIssue";
import { IssueLog } from "./IssueLog";
import { designColumnsOf } from "./readDesignColumns";
import { reportWarnings, throwOnWarning } from "./reportWarnings";
import type { CodedAnswers, DataIssue, QuestionAccount, Survey, SurveyOptions } from "./types";

/** Rows of typed columns allocated at first; they double as records come. */
const INITIAL_ROWS = 4096;

/** One question's answers as they grow, record by record. */
interface GrowingAnswers {
  coder: CellCoder;
  codes: Int16Array;
  selected: Uint8Array[];
  values: Float64Array;
  /** Bad values of the current batch, in row order. */
  issues: DataIssue[];
}

/** Options of one build, beyond the codebook's. */
interface BuildOptions extends SurveyOptions {
  /** The spreadsheet row of each record, when records do not come with their line counts (a table already read). */
  rowNumbers?: readonly number[];
  /** Records that are header rows, not respondents (a Qualtrics export's question texts, when its ImportId row is missing). */
  skipRecords?: number;
  /** The size of the file in bytes, when known: the columns are sized from it and the first records' length, not grown step by step. */
  expectedBytes?: number;
}

/**
 * Builds a `Survey` from scanned CSV records (a `BatchHandler` for `CsvRecordScanner`), batch by
 * batch, without keeping rows: each question's cells are coded per distinct raw value
 * (`CellCoder`, as the stream codes them) straight into growing typed arrays, the design's columns
 * into numbers and shared strings (`DesignCellColumns`), and each batch's filters are applied as
 * its records come (a filter only looks at its own respondent's answers). The report is the one
 * a whole table gives: a record repeating an earlier respondent id is left out of every question
 * and reported once; a record with more or fewer fields than the header (whose fields cannot be
 * placed) is reported once and is no respondent at all — in no question and not in the design, as
 * the stream leaves it out — but counts in `rowsRead` and as excluded in every question's account;
 * every bad value and skip-logic violation is reported with its row, column and value, in row
 * order. A question, respondent-id or design column the file lacks is refused as the stream
 * refuses it (`requireColumns`), but by `finish`, after the file's own errors, as when a file was
 * read whole first.
 */
export class SurveyBuilder {
  private readonly design: DesignSpec;
  private readonly width: number;
  private readonly answers: GrowingAnswers[] = [];
  private readonly designColumns: DesignCellColumns | undefined;
  private readonly idField: number;
  private readonly firstRowOfId = new Map<string, number>();
  private readonly filterCodebook: Codebook;
  private readonly rowNumbers: number[] = [];
  private readonly issues: IssueLog;
  /** An error in the codebook's columns, thrown by `finish`. */
  private readonly failure: unknown;
  private capacity = 0;
  private skip: number;
  /** Ragged records read (reported; no respondents). */
  private ragged = 0;
  /** Records taken, ragged ones too: the index into `options.rowNumbers`. */
  private records = 0;
  /** Scratch: a batch's respondents when it holds ragged records (`respondentsOf`). */
  private respondents: RecordBatch | undefined;
  private leftOut = new Uint8Array(0);
  /** Scratch: the entry of each record of a batch (`CellCoder.entriesOf`). */
  private entries = new Int32Array(0);

  constructor(
    private readonly codebook: Codebook,
    private readonly header: { names: readonly string[]; delimiter: string },
    private readonly decoder: TextDecoder,
    private readonly options: BuildOptions = {},
  ) {
    this.issues = new IssueLog(options.issueLimit);
    this.design = { ...codebook.design, ...options.design };
    this.width = header.names.length;
    this.skip = options.skipRecords ?? 0;
    let columnIndex = new Map<string, number>();
    try {
      columnIndex = requireColumns(header.names, { ...codebook, design: this.design });
    } catch (error) {
      this.failure = error;
    }
    const fieldOf = (column: string) => columnIndex.get(column) as number;
    if (this.failure === undefined) {
      for (const question of codebook.questions) {
        const coder = new CellCoder(question, fieldOf, codebook.missing ?? [], decoder);
        this.answers.push({ coder, codes: new Int16Array(0), selected: coder.categories.map(() => new Uint8Array(0)), values: new Float64Array(0), issues: [] });
        if (question.type !== "multi") this.answers[this.answers.length - 1]!.selected = [];
      }
    }
    this.idField = codebook.respondentId === undefined ? -1 : (columnIndex.get(codebook.respondentId) ?? -1);
    this.designColumns = this.failure === undefined ? DesignCellColumns.forDesign(this.design, header.names) : undefined;
    const filtered = questionsFilterLooksAt(codebook);
    this.filterCodebook = { ...codebook, questions: codebook.questions.filter((question) => filtered.has(question.id)) };
  }

  /** Records read so far: respondents, and ragged records (reported, then left out). */
  get recordsRead(): number {
    return this.rowNumbers.length + this.ragged;
  }

  /** Takes a batch of records. */
  readonly batch = (bytes: Uint8Array, input: RecordBatch): void => {
    let from = 0;
    while (this.skip > 0 && from < input.count) {
      this.skip -= 1;
      from += 1;
    }
    const start = this.rowNumbers.length;
    const given = this.options.rowNumbers;
    const issues: DataIssue[] = [];
    for (let r = from; r < input.count; r++) {
      const row = given ? (given[this.records++] as number) : (input.linesBefore[r] as number) + 1;
      if (input.fieldCounts[r] === this.width) this.rowNumbers.push(row);
      else issues.push(this.raggedIssue(bytes, input, r, row));
    }
    this.ragged += issues.length;
    // A ragged record's fields cannot be placed: it is no respondent (in no question, nor the design).
    const batch = issues.length === 0 ? input : this.respondentsOf(input, from);
    const first = issues.length === 0 ? from : 0;
    const count = batch.count - first;
    if (this.failure !== undefined) return;
    if (count > 0) {
      if (this.capacity === 0 && this.options.expectedBytes !== undefined) {
        const bytesPerRecord = ((batch.extents[2 * batch.count - 1] as number) - (batch.extents[2 * first] as number) + count) / count;
        this.reserve(Math.ceil(Math.min(this.options.expectedBytes / bytesPerRecord, this.options.expectedBytes / 2) * 1.02));
      }
      this.reserve(start + count);
      issues.push(...this.findRepeatedIds(bytes, batch, first, start));
      for (const answers of this.answers) this.codeQuestion(answers, bytes, batch, first, start);
      this.designColumns?.read(bytes, batch, first, start, this.decoder, (row) => this.rowNumbers[row] as number);
      for (const answers of this.answers) {
        issues.push(...answers.issues);
        answers.issues.length = 0;
      }
      if (this.filterCodebook.questions.length > 0) issues.push(...this.skipLogic(bytes, batch, first, start, count));
    }
    issues.sort((a, b) => a.row - b.row);
    for (const issue of issues) this.issues.push(issue);
  };

  /**
   * The survey: accounts, warnings, and the design's columns. Throws an error in the codebook's
   * columns, then with `strict` a warning or the earliest problem, then a bad design cell.
   */
  finish(readWith: NonNullable<Survey["readWith"]>): Survey {
    if (this.failure !== undefined) throw this.failure;
    const rowCount = this.rowNumbers.length;
    const answers = new Map<string, CodedAnswers>(this.answers.map((growing) => [growing.coder.question.id, this.coded(growing, rowCount)]));
    const questions = accountFor(answers, this.ragged);
    const listed = this.issues.toReport();
    const rowsRead = this.recordsRead;
    const warnings = reportWarnings(this.codebook, { rowsRead, questions, ...listed });
    if (this.options.strict) {
      throwOnWarning(warnings); // first: a wrong filter also turns every answer to its question into a skip-logic issue
      const first = listed.issues[0];
      if (first !== undefined) throw new SurveyError(first.code, first.reason, first);
    }
    const designColumns = this.designColumns && designColumnsOf(this.designColumns.cells(this.header.names, this.rowNumbers), this.design);
    return {
      codebook: this.codebook,
      design: this.design,
      ...(designColumns === undefined ? {} : { designColumns }),
      rowCount,
      rowNumbers: this.rowNumbers,
      answers,
      report: { rowsRead, questions, ...listed, warnings },
      readWith,
    };
  }

  /** The issue of a record with more or fewer fields than the header. */
  private raggedIssue(bytes: Uint8Array, batch: RecordBatch, r: number, row: number): DataIssue {
    const record = bytes.subarray(batch.extents[2 * r] as number, batch.extents[2 * r + 1] as number);
    return {
      code: "E_RAGGED_ROW",
      row,
      value: cutValue((decodeRecord(record, this.header.delimiter, this.decoder) ?? []).join(this.header.delimiter)),
      reason: `has ${batch.fieldCounts[r] as number} fields where the header has ${this.width}; left out of every question`,
    };
  }

  /** The records `from…` of a batch that have the header's width of fields, in a batch of their own (reused). */
  private respondentsOf(input: RecordBatch, from: number): RecordBatch {
    if (this.respondents?.capacity !== input.capacity || this.respondents.fields !== input.fields) this.respondents = emptyRecordBatch(input.capacity, input.fields);
    const kept = this.respondents;
    const capacity = input.capacity;
    let k = 0;
    for (let r = from; r < input.count; r++) {
      if (input.fieldCounts[r] !== this.width) continue;
      kept.fieldCounts[k] = input.fieldCounts[r] as number;
      kept.linesBefore[k] = input.linesBefore[r] as number;
      kept.extents[2 * k] = input.extents[2 * r] as number;
      kept.extents[2 * k + 1] = input.extents[2 * r + 1] as number;
      for (let f = 0; f < input.fields; f++) {
        kept.bounds[2 * (f * capacity + k)] = input.bounds[2 * (f * capacity + r)] as number;
        kept.bounds[2 * (f * capacity + k) + 1] = input.bounds[2 * (f * capacity + r) + 1] as number;
      }
      k += 1;
    }
    kept.count = k;
    return kept;
  }

  /** Marks the batch's records that repeat an earlier respondent id, left out of every question, and returns their issues. */
  private findRepeatedIds(bytes: Uint8Array, batch: RecordBatch, first: number, start: number): DataIssue[] {
    const issues: DataIssue[] = [];
    if (this.leftOut.length < batch.count) {
      this.leftOut = new Uint8Array(batch.capacity);
      this.entries = new Int32Array(batch.capacity);
    }
    const leftOut = this.leftOut;
    for (let r = first; r < batch.count; r++) {
      leftOut[r] = 0;
      if (this.idField < 0) continue;
      const row = this.rowNumbers[start + r - first] as number;
      const at = 2 * (this.idField * batch.capacity + r);
      const id = decodeField(bytes, batch.bounds[at] as number, batch.bounds[at + 1] as number, this.decoder).trim();
      if (id === "") continue;
      const firstRow = this.firstRowOfId.get(id);
      if (firstRow === undefined) {
        this.firstRowOfId.set(id, row);
        continue;
      }
      leftOut[r] = 1;
      issues.push(duplicateIdIssue(row, this.codebook.respondentId as string, id, firstRow));
    }
    return issues;
  }

  /** Codes one question's cells of the batch's records into its arrays; a record left out is `AnswerStatus.bad`. */
  private codeQuestion(answers: GrowingAnswers, bytes: Uint8Array, batch: RecordBatch, first: number, start: number): void {
    const { coder, codes, selected, values } = answers;
    const entries = this.entries;
    coder.entriesOf(bytes, batch, first, this.width, entries, this.leftOut);
    const { entryCode, entryHasProblem } = coder;
    const plain = values.length === 0 && selected.length === 0;
    for (let r = first; r < batch.count; r++) {
      const row = start + r - first;
      const entry = entries[r] as number;
      if (entry < 0) codes[row] = AnswerStatus.bad;
      else if (plain && entry !== CellCoder.UNREMEMBERED && entryHasProblem[entry] === 0) codes[row] = entryCode[entry] as number;
      else {
        const coding = coder.coding(entry, r);
        codes[row] = coding.code;
        if (coding.problem) {
          const { column, value, reason } = coding.problem;
          answers.issues.push({ code: "E_BAD_VALUE", row: this.rowNumbers[row] as number, column, value, question: coder.question.id, reason });
        }
        if (coding.code < 0) continue;
        if (values.length > 0) values[row] = coding.value;
        for (const option of coding.selected) (selected[option] as Uint8Array)[row] = 1;
      }
    }
  }

  /**
   * Applies the codebook's filters to the batch's records (views of the growing arrays, changed in
   * place), and returns a skip-logic issue per respondent who answered a question their filter
   * excludes, with the raw cell.
   */
  private skipLogic(bytes: Uint8Array, batch: RecordBatch, first: number, start: number, count: number): DataIssue[] {
    const views = new Map<string, CodedAnswers>();
    for (const growing of this.answers) {
      if (this.filterCodebook.questions.includes(growing.coder.question)) views.set(growing.coder.question.id, view(growing, start, start + count));
    }
    return applyFilters(this.filterCodebook, views, count).map(({ question, row }) => {
      const coded = views.get(question) as CodedAnswers;
      const column = "column" in coded.question ? coded.question.column : undefined;
      const field = column === undefined ? -1 : this.header.names.indexOf(column);
      const at = 2 * (field * batch.capacity + first + row);
      return {
        code: "E_SKIP_LOGIC" as const,
        row: this.rowNumbers[start + row] as number,
        ...(column === undefined ? {} : { column, value: cutValue(decodeField(bytes, batch.bounds[at] as number, batch.bounds[at + 1] as number, this.decoder)) }),
        question,
        reason: "answered, but the question's filter excludes this respondent",
      };
    });
  }

  /** Makes room for `rows` records in every column. */
  private reserve(rows: number): void {
    if (rows <= this.capacity) return;
    let capacity = Math.max(this.capacity, INITIAL_ROWS);
    while (capacity < rows) capacity *= 2;
    for (const answers of this.answers) {
      answers.codes = grown(answers.codes, capacity);
      answers.selected = answers.selected.map((chosen) => grown(chosen, capacity));
      if (answers.coder.question.type === "numeric") answers.values = grown(answers.values, capacity, Number.NaN);
    }
    this.designColumns?.reserve(capacity);
    this.capacity = capacity;
  }

  /** A question's arrays cut to the records read, in the `CodedAnswers` shape (views, with no copy). */
  private coded(growing: GrowingAnswers, rows: number): CodedAnswers {
    return view(growing, 0, rows);
  }
}

/** Records `[from, to)` of a question's arrays as coded answers (views: a change is made in the arrays). */
function view(growing: GrowingAnswers, from: number, to: number): CodedAnswers {
  const question = growing.coder.question;
  const codes = growing.codes.subarray(from, to);
  const categories = growing.coder.categories;
  if (question.type === "numeric") return { kind: "numeric", question, categories: [], codes, values: growing.values.subarray(from, to) };
  if (question.type === "multi") return { kind: "multi", question, categories, codes, selected: growing.selected.map((chosen) => chosen.subarray(from, to)) };
  return { kind: "categorical", question, categories, codes };
}

/** Ids of the filtered questions and of every question a filter looks at. */
export function questionsFilterLooksAt(codebook: Codebook): Set<string> {
  const ids = new Set<string>();
  for (const question of codebook.questions) {
    if (question.filter === undefined) continue;
    ids.add(question.id);
    for (const [leaf] of leafFilters(question.filter, question.id)) ids.add(leaf.question);
  }
  return ids;
}

/** How every record of each question was used: answered, missing, not asked, or excluded (`ragged` records too). */
function accountFor(answers: Map<string, CodedAnswers>, ragged: number): Record<string, QuestionAccount> {
  const accounts: Record<string, QuestionAccount> = Object.create(null);
  for (const [id, coded] of answers) {
    const account: QuestionAccount = { rowsRead: ragged, used: 0, missing: 0, notAsked: 0, excluded: ragged };
    countStatuses(account, coded.codes);
    accounts[id] = account;
  }
  return accounts;
}
