import type { CategoryInfo, Codebook, DesignSpec, Question } from "../codebook";
import type { ErrorCode } from "../errors";
import type { DesignColumns } from "./readDesignColumns";
import type { Encoding, ExportFormat } from "../load";

/** One question's answers, coded once: a category index per respondent, or an AnswerStatus. */
export interface CategoricalAnswers {
  kind: "categorical";
  question: Question;
  categories: CategoryInfo[];
  /** Per respondent: category index ≥ 0, or a negative `AnswerStatus`. */
  codes: Int16Array;
}

/** A multi-select question: which options each respondent chose. */
export interface MultiAnswers {
  kind: "multi";
  question: Question;
  categories: CategoryInfo[];
  /** Per respondent: 0 when answered, or a negative `AnswerStatus`. */
  codes: Int16Array;
  /** Per category, per respondent: 1 when chosen. */
  selected: Uint8Array[];
}

export interface NumericAnswers {
  kind: "numeric";
  question: Question;
  categories: [];
  /** Per respondent: 0 when answered, or a negative `AnswerStatus`. */
  codes: Int16Array;
  values: Float64Array;
}

export type CodedAnswers = CategoricalAnswers | MultiAnswers | NumericAnswers;

/** One problem found in the data: where it is, what it is, and what was done about it. */
export interface DataIssue {
  code: ErrorCode;
  /** Spreadsheet row (header = 1). */
  row: number;
  column?: string;
  value?: string;
  /** The question whose count left this row out (absent when the row left every question). */
  question?: string;
  reason: string;
}

/** How every row of one question was used: `rowsRead = used + missing + notAsked + excluded`. */
export interface QuestionAccount {
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

/** Everything loading did with the data: nothing is dropped without an entry here. */
export interface ValidationReport {
  rowsRead: number;
  questions: Record<string, QuestionAccount>;
  issues: DataIssue[];
  /** Questions left without an estimate by the codebook (see `reportWarnings`); absent in reports made before warnings existed. */
  warnings?: ReportWarning[];
  /** Problems counted rather than listed by row: an engine's GROUP BY gives no row numbers (`tallyFromSql`). */
  counted?: CountedIssue[];
}

/** Cells a GROUP BY left out of a question, counted: one entry per distinct problem value, with its number of rows. */
export interface CountedIssue {
  code: Extract<ErrorCode, "E_BAD_VALUE" | "E_SKIP_LOGIC">;
  question: string;
  column?: string;
  value?: string;
  reason: string;
  /** How many rows hold it. */
  rows: number;
}

/** Rows + codebook + design: what `estimate` works on. */
export interface Survey {
  codebook: Codebook;
  design: DesignSpec;
  /** Weights, strata, clusters and fpc per respondent, when the design names columns (not an SRS). */
  designColumns?: DesignColumns;
  /** Number of respondents (answer rows). */
  rowCount: number;
  /** Spreadsheet row of each respondent, for messages. */
  rowNumbers: number[];
  answers: Map<string, CodedAnswers>;
  report: ValidationReport;
  /** How the file was read: its delimiter (given or sniffed), platform format (given or detected) and encoding (`chooseEncoding`). */
  readWith?: { delimiter?: string; format?: ExportFormat; encoding?: Encoding };
}
