/**
 * The codebook: a JSON file beside the CSV that says what each column means (docs/codebook.md
 * describes every field; `svyprop/codebook.schema.json` is its JSON Schema).
 * This shape is a contract: extend it, never break it.
 */
export interface Codebook {
  /** The JSON Schema an editor validates against (`"./node_modules/svyprop/codebook.schema.json"`); ignored by svyprop. */
  $schema?: string;
  /** The survey's name, for report titles. */
  title?: string;
  /** Where the data come from, printed in reports. */
  source?: {
    /** The reference as it should be cited. */
    citation?: string;
    /** Its DOI, e.g. "10.1136/jme.2010.036293". */
    doi?: string;
    /** A web address for it. */
    url?: string;
  };
  /** Codes that mean "no answer" in every column ("", "NA", "-99", "Ne sait pas" …). */
  missing?: string[];
  /** How the sample was drawn (default: a simple random sample of an infinite population). */
  design?: DesignSpec;
  /** Column identifying each respondent: a repeated id is reported (`E_DUPLICATE_ID`) and left out. */
  respondentId?: string;
  /** The questions, in the order tables and reports list them. */
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

/** How replicate weights were made (the `type` of R's `svrepdesign`), which sets their default scales. */
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
  columns:
    | string[]
    | {
        /** A regular expression matched against each header name, e.g. "^repwt[0-9]+$". */
        pattern: string;
      };
  /** How the replicates were made (R `svrepdesign(type = …)`). */
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
  /** "postStratify" (one margin) or "rake" (several, adjusted in turn until they all match). */
  method: "postStratify" | "rake";
  /** The known population counts, one margin per column. */
  margins: CalibrationMargin[];
  /** Raking stops when no cell of the margins' cross-table moves by epsilon (below 1: relative to Σw); default 1, as R. */
  epsilon?: number;
  /** Raking cycles at most; default 10, as R. */
  maxIterations?: number;
}

/** One column's population counts: `{ "column": "sex", "population": { "F": 200, "M": 205 } }`. */
export interface CalibrationMargin {
  /** The CSV column whose values the counts are for. */
  column: string;
  /** The population count of each raw value of the column (trimmed). */
  population: Record<string, number>;
}

/** The kinds of question a codebook describes (docs/codebook.md, "Question types"). */
export type QuestionType = "binary" | "single" | "multi" | "likert" | "numeric";

/** Restricts a question's denominator to respondents whose answer to another question matches. */
export type Filter =
  | {
      /** The id of the question the filter reads. */
      question: string;
      /** The category code (or, for a numeric question, the number as text) the answer must be. */
      equals: string;
    }
  | {
      /** The id of the question the filter reads. */
      question: string;
      /** The category codes (or numbers as text) the answer must be one of. */
      in: string[];
    }
  | {
      /** The id of the question the filter reads. */
      question: string;
      /** The question must have been answered (any category). */
      notMissing: true;
    }
  | {
      /** Every one of these filters must pass. */
      all: Filter[];
    };

/** One answer of a single or multi question: its code, its label and the raw values that mean it. */
export interface Category {
  /** Stable code used in Estimate rows and specs. */
  code: string;
  /** The answer as readers see it in tables and charts. */
  label: string;
  /** Raw answer values that mean this category (matched after trimming). */
  values: string[];
}

/** A question's label and category labels in another language, e.g. `{ "fr-FR": { … } }`. */
export interface QuestionTranslation {
  /** The question's label in this language. */
  label?: string;
  /** Category code → label. */
  categories?: Record<string, string>;
  /** `chartTitle` in this language. */
  chartTitle?: string;
  /** `respondents` in this language, e.g. `{ "yes": "utilisateurs de Facebook" }` (→ "Parmi les utilisateurs de Facebook"). */
  respondents?: Record<string, string>;
}

interface QuestionBase {
  /** Unique and short (`real_name`): what `--question`, `--by`, filters and `Estimate.question` use. */
  id: string;
  /** The question as readers see it (tables, chart titles); default: the id. */
  label?: string;
  /** Labels in other languages, by locale ("fr-FR"): used by `localizeLabels` and the French reports. */
  translations?: Record<string, QuestionTranslation>;
  /** Missing codes for this question, added to the codebook-wide ones. */
  missing?: string[];
  /** Match answer values ignoring case (`"OUI"` = `"Oui"`); default false. */
  caseInsensitive?: boolean;
  /** Who was asked (skip logic): only respondents passing the filter are in the question's base. */
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

/** A yes/no question: its categories are always coded `yes` and `no`, whatever the raw values. */
export interface BinaryQuestion extends QuestionBase {
  /** "binary". */
  type: "binary";
  /** The CSV column holding the answer. */
  column: string;
  /** Raw values that mean yes, e.g. ["Oui", "yes", "1"]. */
  positive: string[];
  /** Raw values that mean no. */
  negative: string[];
  /** Label of the `yes` category (default "Yes"). */
  positiveLabel?: string;
  /** Label of the `no` category (default "No"). */
  negativeLabel?: string;
}

/** One answer among several categories, in one column. */
export interface SingleQuestion extends QuestionBase {
  /** "single". */
  type: "single";
  /** The CSV column holding the answer. */
  column: string;
  /** The answers, in the order of tables and charts (a category no one chose still gets its row). */
  categories: Category[];
}

/** Several answers per respondent: each option estimated over those who answered at all. */
export interface MultiQuestion extends QuestionBase {
  /** "multi". */
  type: "multi";
  /** One column holding every chosen option, split on `separator` … */
  column?: string;
  /** What separates the chosen options in `column` (default ";"). */
  separator?: string;
  /** … or one 0/1 column per category code. */
  columns?: Record<string, string>;
  /** The options, in the order of tables and charts (`values` unused, `[]`, with `columns`). */
  categories: Category[];
}

/** An ordered scale: each level is also a category code, and the level numbers 1…k have a mean. */
export interface LikertQuestion extends QuestionBase {
  /** "likert". */
  type: "likert";
  /** The CSV column holding the answer. */
  column: string;
  /** The raw values, in scale order (also the category codes). */
  levels: string[];
  /** One label per level, e.g. "Strongly disagree" … "Strongly agree" (default: the levels). */
  levelLabels?: string[];
}

/** A number (age, hours): estimated as a mean, total or quantiles. */
export interface NumericQuestion extends QuestionBase {
  /** "numeric". */
  type: "numeric";
  /** The CSV column holding the answer (a decimal point or comma). */
  column: string;
}

/** Any question of a codebook, told apart by its `type`. */
export type Question = BinaryQuestion | SingleQuestion | MultiQuestion | LikertQuestion | NumericQuestion;
