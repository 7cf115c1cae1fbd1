import type { CategoryInfo, Codebook, DesignSpec, Question } from "../codebook";
import type { ErrorCode } from "../errors";
import type { DesignColumns } from "./readDesignColumns";
import type { Encoding, ExportFormat } from "../load";

/** One question's answers, coded once: a category index per respondent, or an AnswerStatus. */
export interface CategoricalAnswers {
  /** "categorical": a binary, single or Likert question. */
  kind: "categorical";
  /** The question, as the codebook has it. */
  question: Question;
  /** Its categories, in order (the indices of `codes`). */
  categories: CategoryInfo[];
  /** Per respondent: category index ≥ 0, or a negative `AnswerStatus`. */
  codes: Int16Array;
}

/** A multi-select question: which options each respondent chose. */
export interface MultiAnswers {
  /** "multi". */
  kind: "multi";
  /** The question, as the codebook has it. */
  question: Question;
  /** Its options, in order (the indices of `selected`). */
  categories: CategoryInfo[];
  /** Per respondent: 0 when answered, or a negative `AnswerStatus`. */
  codes: Int16Array;
  /** Per category, per respondent: 1 when chosen. */
  selected: Uint8Array[];
}

/** A numeric question: each respondent's number. */
export interface NumericAnswers {
  /** "numeric". */
  kind: "numeric";
  /** The question, as the codebook has it. */
  question: Question;
  /** None: a number has no categories. */
  categories: [];
  /** Per respondent: 0 when answered, or a negative `AnswerStatus`. */
  codes: Int16Array;
  /** Per respondent: the number given (meaningful where `codes` is 0). */
  values: Float64Array;
}

/** One question's coded answers, told apart by `kind`. */
export type CodedAnswers = CategoricalAnswers | MultiAnswers | NumericAnswers;

/** One problem found in the data: where it is, what it is, and what was done about it. */
export interface DataIssue {
  /** The problem's error code, e.g. `E_BAD_VALUE`. */
  code: ErrorCode;
  /** Spreadsheet row (header = 1). */
  row: number;
  /** The CSV column where it is. */
  column?: string;
  /** The value found there (cut when very long). */
  value?: string;
  /** The question whose count left this row out (absent when the row left every question). */
  question?: string;
  /** What is wrong, in words. */
  reason: string;
}

/** How every row of one question was used: `rowsRead = used + missing + notAsked + excluded`. */
export interface QuestionAccount {
  /** Every row of the file. */
  rowsRead: number;
  /** Rows with a valid answer: the question's base. */
  used: number;
  /** Rows with a missing code (item non-response). */
  missing: number;
  /** Rows the question's filter leaves out (not asked). */
  notAsked: number;
  /** Rows left out because of a problem listed in `issues`. */
  excluded: number;
}

/** What a warning is about: a filter naming no answer, a filter leaving nobody, a question with no usable answer. */
export type WarningCode = "W_FILTER_VALUE_UNKNOWN" | "W_FILTER_EXCLUDES_ALL" | "W_NO_ANSWERS";

/**
 * A configuration that leaves a question without an estimate (almost always a codebook
 * mistake): printed by every command, an `E_CODEBOOK` error with `strict`.
 */
export interface ReportWarning {
  /** What the warning is about. */
  code: WarningCode;
  /** The question left without an estimate (or whose filter is wrong). */
  question: string;
  /** What was found, with counts. */
  reason: string;
  /** The likely fix, in the codebook's words. */
  fix: string;
  /** JSON path of the codebook field to edit, e.g. `questions[2].filter.equals`. */
  path?: string;
}

/** Problems of one question (or of whole rows) and code found beyond the `issueLimit` kept: counted, not listed. */
export interface OmittedIssues {
  /** The question (absent for problems of whole rows: ragged rows, repeated respondent ids). */
  question?: string;
  /** The kind of problem, as `DataIssue.code`. */
  code: ErrorCode;
  /** Problems found and not listed in `issues`. */
  count: number;
}

/** Everything loading did with the data: nothing is dropped without an entry here. */
export interface ValidationReport {
  /** Answer rows read from the file. */
  rowsRead: number;
  /** How each question used the rows, by question id. */
  questions: Record<string, QuestionAccount>;
  /** Problems, by row: the first `issueLimit` (default 1000) of each question and code. */
  issues: DataIssue[];
  /** Problems beyond the first `issueLimit` of their question and code, counted (absent when none was left out of `issues`). */
  omittedIssues?: OmittedIssues[];
  /** Questions left without an estimate by the codebook (see `reportWarnings`); absent in reports made before warnings existed. */
  warnings?: ReportWarning[];
  /** Problems counted rather than listed by row: an engine's GROUP BY gives no row numbers (`tallyFromSql`). */
  counted?: CountedIssue[];
}

/** Cells a GROUP BY left out of a question, counted: one entry per distinct problem value, with its number of rows. */
export interface CountedIssue {
  /** `E_BAD_VALUE` (a value the codebook does not allow) or `E_SKIP_LOGIC` (an answer its filter excludes). */
  code: Extract<ErrorCode, "E_BAD_VALUE" | "E_SKIP_LOGIC">;
  /** The question's id. */
  question: string;
  /** The column holding the value. */
  column?: string;
  /** The value, as the engine gave it. */
  value?: string;
  /** Why it is left out, as a reader reads it. */
  reason: string;
  /** How many rows hold it. */
  rows: number;
}

/** How a survey is built from its data, beyond the codebook. */
export interface SurveyOptions {
  /** Overrides or completes the codebook's design. */
  design?: DesignSpec;
  /** Stop at the first bad row, or the first warning, with a `SurveyError` (default: collect every problem in the report). */
  strict?: boolean;
  /**
   * Problems listed per question and code in `report.issues` (default 1000, `Infinity` for all):
   * the rest are counted in `report.omittedIssues`, so a file of bad cells cannot fill the memory.
   */
  issueLimit?: number;
}

/** Rows + codebook + design: what `estimate` works on. */
export interface Survey {
  /** The codebook, checked (`parseCodebook`). */
  codebook: Codebook;
  /** The sampling design (the codebook's, or a simple random sample). */
  design: DesignSpec;
  /** Weights, strata, clusters and fpc per respondent, when the design names columns (not an SRS). */
  designColumns?: DesignColumns;
  /** Number of respondents (answer rows). */
  rowCount: number;
  /** Spreadsheet row of each respondent, for messages. */
  rowNumbers: number[];
  /** Each question's coded answers, by question id. */
  answers: Map<string, CodedAnswers>;
  /** What loading did with every row. */
  report: ValidationReport;
  /** How the file was read: its delimiter (given or sniffed), platform format (given or detected) and encoding (`chooseEncoding`). */
  readWith?: {
    /** The delimiter, given or sniffed. */
    delimiter?: string;
    /** The platform format, given or detected. */
    format?: ExportFormat;
    /** The encoding, given or decided from the bytes. */
    encoding?: Encoding;
  };
}
