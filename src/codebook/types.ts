/**
 * The codebook: a JSON file beside the CSV that says what each column means (docs/codebook.md
 * describes every field; `svyprop/codebook.schema.json` is its JSON Schema).
 * This shape is a contract: extend it, never break it.
 */
export interface Codebook {
  /** The JSON Schema an editor validates against (`"./node_modules/svyprop/codebook.schema.json"`); ignored by svyprop. */
  $schema?: string;
  title?: string;
  source?: { citation?: string; doi?: string; url?: string };
  /** Codes that mean "no answer" in every column ("", "NA", "-99", "Ne sait pas" …). */
  missing?: string[];
  design?: DesignSpec;
  /** Column identifying each respondent: a repeated id is reported (`E_DUPLICATE_ID`) and left out. */
  respondentId?: string;
  questions: Question[];
}

/** Sampling design: an SRS of a finite population, or weights/strata/clusters (columns). */
export interface DesignSpec {
  /** Size of the population the sample was drawn from (finite-population correction for an SRS). */
  populationSize?: number;
  /** Column holding each respondent's sampling weight. */
  weights?: string;
  /** Column naming each respondent's stratum. */
  strata?: string;
  /**
   * Column naming each respondent's primary sampling unit; or one column a stage of a multistage
   * sample, PSU first (R `svydesign(ids = ~psu + ssu)`), each stage's units nested in the last's.
   */
  cluster?: string | string[];
  /**
   * Column (or number) giving the population size of each stratum; with `cluster` an array, an
   * array of as many entries, one a stage: the population count of that stage's units in the
   * stratum (stage 1) or in the unit of the stage before (R `fpc = ~fpc1 + fpc2`).
   */
  fpc?: string | number | Array<string | number>;
  /** A stratum with one PSU: "fail" (default, as R), "certainty", "remove", "adjust" or "average" (R `survey.lonely.psu`). */
  lonelyPsu?: "fail" | "certainty" | "remove" | "adjust" | "average";
  /** Weights calibrated to known population counts (R `postStratify` / `rake`). */
  calibration?: CalibrationSpec;
  /**
   * Replicate weights carrying the design (R `svrepdesign(…, combined.weights = TRUE)`): with them,
   * `weights` holds the full-sample weights and strata, cluster, fpc and calibration are not given.
   */
  replicates?: ReplicatesSpec;
}

export type ReplicateType = "JK1" | "JKn" | "BRR" | "Fay" | "bootstrap" | "successive-difference" | "ACS" | "other";

/**
 * Replicate-weight columns, each a full analysis weight (as public-use files ship them), and how
 * R's `svrVar` combines them: V = scale · Σ_r rscales_r (θ_r − θ̄)², θ̄ the replicates' mean (or
 * the full-sample estimate when `mse` is true). scale and rscales default per type as R's
 * `svrepdesign`: BRR 1/R, Fay 1/(R(1 − rho)²), JK1 (R − 1)/R, bootstrap 1/(R − 1),
 * successive-difference and ACS 4/R, others 1; rscales 1 (JKn needs them given).
 */
export interface ReplicatesSpec {
  /** The replicate weight columns, by name or by a regular expression over the header (in file order). */
  columns: string[] | { pattern: string };
  type: ReplicateType;
  /** Overall multiplier (ignored by BRR, Fay, successive-difference and ACS, as R). */
  scale?: number;
  /** Per-replicate multipliers: one number for all, or one per replicate column. */
  rscales?: number | number[];
  /** Deviations around the full-sample estimate instead of the replicates' mean (R `mse = TRUE`); default false. */
  mse?: boolean;
  /** Fay's coefficient (required with type "Fay"), 0 ≤ rho < 1. */
  rho?: number;
}

/**
 * Post-stratification on one column, or raking on several, to known population counts: e.g.
 * `{ "method": "rake", "margins": [{ "column": "sex", "population": { "F": 200, "M": 205 } }, …] }`.
 * Every value of a margin's column must have a count (keys are the raw values, trimmed).
 */
export interface CalibrationSpec {
  method: "postStratify" | "rake";
  margins: CalibrationMargin[];
  /** Raking stops when no cell of the margins' cross-table moves by epsilon (below 1: relative to Σw); default 1, as R. */
  epsilon?: number;
  /** Raking cycles at most; default 10, as R. */
  maxIterations?: number;
}

export interface CalibrationMargin {
  column: string;
  population: Record<string, number>;
}

export type QuestionType = "binary" | "single" | "multi" | "likert" | "numeric";

/** Restricts a question's denominator to respondents whose answer to another question matches. */
export type Filter =
  | { question: string; equals: string }
  | { question: string; in: string[] }
  | { question: string; notMissing: true }
  | { all: Filter[] };

export interface Category {
  /** Stable code used in Estimate rows and specs. */
  code: string;
  label: string;
  /** Raw answer values that mean this category (matched after trimming). */
  values: string[];
}

/** A question's label and category labels in another language, e.g. `{ "fr-FR": { … } }`. */
export interface QuestionTranslation {
  label?: string;
  /** Category code → label. */
  categories?: Record<string, string>;
  /** `chartTitle` in this language. */
  chartTitle?: string;
  /** `respondents` in this language, e.g. `{ "yes": "utilisateurs de Facebook" }` (→ "Parmi les utilisateurs de Facebook"). */
  respondents?: Record<string, string>;
}

interface QuestionBase {
  id: string;
  label?: string;
  /** Labels in other languages, by locale ("fr-FR"): used by `localizeLabels` and the French reports. */
  translations?: Record<string, QuestionTranslation>;
  /** Missing codes for this question, added to the codebook-wide ones. */
  missing?: string[];
  caseInsensitive?: boolean;
  filter?: Filter;
  /** Title of this question's chart, when its label is too short for one (default: the label). */
  chartTitle?: string;
  /**
   * What respondents who gave an answer are called, by category code, as a plural noun phrase
   * without article: `{ "yes": "Facebook users" }`. A chart of the questions filtered on that
   * answer is then titled "Among Facebook users" (French: "Parmi les …") instead of quoting the filter.
   */
  respondents?: Record<string, string>;
}

export interface BinaryQuestion extends QuestionBase {
  type: "binary";
  column: string;
  positive: string[];
  negative: string[];
  /** Labels of the two categories (default "Yes" / "No"). */
  positiveLabel?: string;
  negativeLabel?: string;
}

export interface SingleQuestion extends QuestionBase {
  type: "single";
  column: string;
  categories: Category[];
}

export interface MultiQuestion extends QuestionBase {
  type: "multi";
  /** One column holding every chosen option, split on `separator` … */
  column?: string;
  separator?: string;
  /** … or one 0/1 column per category code. */
  columns?: Record<string, string>;
  categories: Category[];
}

export interface LikertQuestion extends QuestionBase {
  type: "likert";
  column: string;
  levels: string[];
  levelLabels?: string[];
}

export interface NumericQuestion extends QuestionBase {
  type: "numeric";
  column: string;
}

export type Question = BinaryQuestion | SingleQuestion | MultiQuestion | LikertQuestion | NumericQuestion;
