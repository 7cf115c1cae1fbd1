import { questionCategories } from "./categories";
import { codebookError } from "./codebookError";
import { filterOrder } from "./filters";
import type { Codebook, Question, QuestionType } from "./types";

const QUESTION_TYPES: readonly QuestionType[] = ["binary", "single", "multi", "likert", "numeric"];

/**
 * Checks that an untrusted JSON value is a codebook (see `Codebook`, `docs/codebook.md` and
 * `codebook.schema.json`) and returns it typed. Every problem throws `E_CODEBOOK` naming the JSON
 * path of the bad field, e.g. `questions[3].filter.question`; every text a reader will see (a
 * title, a label, a translation) must be a string. Fields it does not know are ignored, `$schema`
 * included. Column names are checked later, against the CSV header.
 *
 * @param json - The parsed JSON of a codebook file (or any value).
 * @returns The same value, typed as a codebook.
 * @throws {@link SurveyError} `E_CODEBOOK` naming the JSON path of the first bad field.
 *
 * @example
 * ```ts
 * import { parseCodebook, SurveyError } from "svyprop";
 *
 * const codebook = parseCodebook(JSON.parse('{ "questions": [{ "id": "fb", "column": "fb", "type": "binary", "positive": ["Oui"], "negative": ["Non"] }] }'));
 * codebook.questions.length; // → 1
 * let path: string | undefined;
 * try {
 *   parseCodebook({ questions: [{ id: "fb", column: "fb", type: "yesno" }] });
 * } catch (error) {
 *   if (error instanceof SurveyError) path = error.path;
 * }
 * path; // → "questions[0].type"
 * ```
 */
export function parseCodebook(json: unknown): Codebook {
  const root = expectObject(json, "$");
  const questions = root.questions;
  if (!Array.isArray(questions) || questions.length === 0) {
    throw codebookError("must have a non-empty array of questions", "questions");
  }
  expectOptionalString(root.$schema, "$schema");
  expectOptionalString(root.title, "title");
  if (root.source !== undefined) {
    const source = expectObject(root.source, "source");
    for (const key of ["citation", "doi", "url"] as const) expectOptionalString(source[key], `source.${key}`);
  }
  if (root.missing !== undefined) expectStringArray(root.missing, "missing");
  if (root.design !== undefined) checkDesign(root.design);
  if (root.respondentId !== undefined && (typeof root.respondentId !== "string" || root.respondentId === "")) {
    throw codebookError("must be a column name", "respondentId");
  }
  const ids = new Set<string>();
  questions.forEach((question, index) => {
    const path = `questions[${index}]`;
    const q = checkQuestion(question, path);
    if (ids.has(q.id)) throw codebookError(`duplicate question id "${q.id}"`, `${path}.id`);
    ids.add(q.id);
  });
  const codebook = root as unknown as Codebook;
  filterOrder(codebook);
  return codebook;
}

function checkDesign(value: unknown): void {
  const design = expectObject(value, "design");
  const size = design.populationSize;
  if (size !== undefined && !isPositiveNumber(size)) throw codebookError("must be a positive number", "design.populationSize");
  for (const key of ["weights", "strata"] as const) {
    if (design[key] !== undefined && typeof design[key] !== "string") {
      throw codebookError("must be a column name", `design.${key}`);
    }
  }
  if (Array.isArray(design.cluster)) checkStages(design.cluster, design.fpc);
  else {
    if (design.cluster !== undefined && typeof design.cluster !== "string") throw codebookError("must be a column name, or an array of them (one a stage)", "design.cluster");
    if (design.fpc !== undefined && !isColumnOrSize(design.fpc)) {
      throw codebookError(Array.isArray(design.fpc) ? "has one entry a stage: it needs cluster as an array of as many columns" : "must be a column name or a positive number", "design.fpc");
    }
  }
  if (design.lonelyPsu !== undefined && !(LONELY_PSU as readonly unknown[]).includes(design.lonelyPsu)) {
    throw codebookError(`must be one of ${LONELY_PSU.join(", ")}`, "design.lonelyPsu");
  }
  if (design.calibration !== undefined) checkCalibration(design.calibration);
  if (design.replicates !== undefined) checkReplicates(design);
}

/**
 * A multistage design (R `svydesign(ids = ~psu + ssu, fpc = ~fpc1 + fpc2)`): one cluster column a
 * stage and, when there is an fpc, one entry a stage too (R refuses fewer).
 */
function checkStages(cluster: unknown[], fpc: unknown): void {
  if (cluster.length === 0) throw codebookError("must name at least one column (one a stage)", "design.cluster");
  cluster.forEach((name, k) => {
    if (typeof name !== "string" || name === "") throw codebookError("must be a column name", `design.cluster[${k}]`);
  });
  if (fpc === undefined) return;
  if (!Array.isArray(fpc)) throw codebookError("must be an array, one population size a stage, as cluster is", "design.fpc");
  if (fpc.length !== cluster.length) throw codebookError(`has ${fpc.length} entries for the ${cluster.length} stages of cluster`, "design.fpc");
  fpc.forEach((entry, k) => {
    if (!isColumnOrSize(entry)) throw codebookError("must be a column name or a positive number", `design.fpc[${k}]`);
  });
}

const isColumnOrSize = (value: unknown): boolean => typeof value === "string" || isPositiveNumber(value);

const REPLICATE_TYPES = ["JK1", "JKn", "BRR", "Fay", "bootstrap", "successive-difference", "ACS", "other"] as const;
/** Types whose scale R's `svrepdesign` sets itself (it warns and ignores a given one). */
const FIXED_SCALE = ["BRR", "Fay", "successive-difference", "ACS"];

/**
 * Replicate weights (R `svrepdesign`): the columns, a known type, scale and rscales as R takes
 * them. They carry the whole design, so strata, clusters, an fpc or a calibration beside them
 * would be ignored by the variance: they are refused, and the full-sample weights are required.
 */
function checkReplicates(design: Record<string, unknown>): void {
  const path = "design.replicates";
  const replicates = expectObject(design.replicates, path);
  const { columns, type, scale, rscales, mse, rho } = replicates;
  if (Array.isArray(columns)) {
    if (columns.length < 2 || !columns.every((name) => typeof name === "string" && name !== "")) {
      throw codebookError("must name at least two replicate weight columns", `${path}.columns`);
    }
  } else {
    const pattern = expectObject(columns, `${path}.columns`).pattern;
    if (typeof pattern !== "string" || pattern === "") throw codebookError("must be an array of column names or { \"pattern\": regular expression }", `${path}.columns`);
    try {
      new RegExp(pattern);
    } catch (error) {
      throw codebookError(`is not a regular expression: ${(error as Error).message}`, `${path}.columns.pattern`);
    }
  }
  if (!(REPLICATE_TYPES as readonly unknown[]).includes(type)) throw codebookError(`must be one of ${REPLICATE_TYPES.join(", ")}`, `${path}.type`);
  if (scale !== undefined) {
    if (!isPositiveNumber(scale)) throw codebookError("must be a positive number", `${path}.scale`);
    if (FIXED_SCALE.includes(type as string)) throw codebookError(`is set by the type for ${type as string} (as R's svrepdesign): leave it out`, `${path}.scale`);
  }
  if (rscales !== undefined) {
    const valid = (value: unknown) => typeof value === "number" && Number.isFinite(value) && value >= 0;
    if (!(valid(rscales) || (Array.isArray(rscales) && rscales.length > 0 && rscales.every(valid)))) {
      throw codebookError("must be a non-negative number or an array of them, one per replicate column", `${path}.rscales`);
    }
    if (type === "successive-difference" || type === "ACS") throw codebookError(`are set by the type for ${type} (as R's svrepdesign): leave them out`, `${path}.rscales`);
    if (Array.isArray(rscales) && Array.isArray(columns) && rscales.length !== columns.length) {
      throw codebookError(`has ${rscales.length} entries for ${columns.length} replicate columns`, `${path}.rscales`);
    }
  } else if (type === "JKn") {
    throw codebookError("JKn replicate weights need rscales, (n_h − 1)/n_h for each replicate's stratum (as R's svrepdesign)", `${path}.rscales`);
  }
  if (mse !== undefined && typeof mse !== "boolean") throw codebookError("must be true or false", `${path}.mse`);
  if (type === "Fay") {
    if (!(typeof rho === "number" && rho >= 0 && rho < 1)) throw codebookError("must be Fay's coefficient, a number in [0, 1)", `${path}.rho`);
  } else if (rho !== undefined) {
    throw codebookError(`is Fay's coefficient: type ${type as string} does not use it`, `${path}.rho`);
  }
  if (design.weights === undefined) throw codebookError("replicate weights need the full-sample weights column beside them", "design.weights");
  for (const key of ["strata", "cluster", "fpc", "calibration", "populationSize"] as const) {
    if (design[key] !== undefined) throw codebookError("is carried by the replicate weights: leave it out of a design with replicates", `design.${key}`);
  }
}

const LONELY_PSU = ["fail", "certainty", "remove", "adjust", "average"] as const;

function checkCalibration(value: unknown): void {
  const path = "design.calibration";
  const calibration = expectObject(value, path);
  if (calibration.method !== "postStratify" && calibration.method !== "rake") throw codebookError("must be postStratify or rake", `${path}.method`);
  const margins = calibration.margins;
  if (!Array.isArray(margins) || margins.length === 0) throw codebookError("must be a non-empty array", `${path}.margins`);
  if (calibration.method === "postStratify" && margins.length !== 1) {
    throw codebookError("postStratify takes one margin (a column of post-strata); use rake for several", `${path}.margins`);
  }
  let total: number | undefined;
  margins.forEach((item, k) => {
    const margin = expectObject(item, `${path}.margins[${k}]`);
    if (typeof margin.column !== "string" || margin.column === "") throw codebookError("must be a column name", `${path}.margins[${k}].column`);
    const population = expectObject(margin.population, `${path}.margins[${k}].population`);
    const counts = Object.entries(population);
    if (counts.length === 0) throw codebookError("must give at least one population count", `${path}.margins[${k}].population`);
    let sum = 0;
    for (const [key, count] of counts) {
      if (!isPositiveNumber(count)) throw codebookError("must be a positive population count", `${path}.margins[${k}].population.${key}`);
      sum += count;
    }
    if (total !== undefined && Math.abs(sum - total) > 1e-9 * total) {
      throw codebookError(`counts add up to ${sum}, but the first margin's to ${total}: raking needs one population total`, `${path}.margins[${k}].population`);
    }
    total ??= sum;
  });
  const { epsilon, maxIterations } = calibration;
  if (epsilon !== undefined && !isPositiveNumber(epsilon)) throw codebookError("must be a positive number", `${path}.epsilon`);
  if (maxIterations !== undefined && !(typeof maxIterations === "number" && Number.isSafeInteger(maxIterations) && maxIterations > 0)) {
    throw codebookError("must be a positive integer", `${path}.maxIterations`);
  }
}

function checkQuestion(value: unknown, path: string): Question {
  const q = expectObject(value, path);
  if (typeof q.id !== "string" || q.id.trim() === "") throw codebookError("must be a non-empty string", `${path}.id`);
  if (typeof q.type !== "string" || !QUESTION_TYPES.includes(q.type as QuestionType)) {
    throw codebookError(`must be one of ${QUESTION_TYPES.join(", ")}`, `${path}.type`);
  }
  expectOptionalString(q.label, `${path}.label`);
  if (q.missing !== undefined) expectStringArray(q.missing, `${path}.missing`);
  if (q.caseInsensitive !== undefined && typeof q.caseInsensitive !== "boolean") throw codebookError("must be true or false", `${path}.caseInsensitive`);
  if (q.translations !== undefined) checkTranslations(q.translations, `${path}.translations`);
  const type = q.type as QuestionType;
  const caseInsensitive = q.caseInsensitive === true;
  if (type === "multi") checkMultiColumns(q, path);
  else if (typeof q.column !== "string" || q.column === "") throw codebookError("must name a CSV column", `${path}.column`);
  if (type === "binary") {
    const positive = expectStringArray(q.positive, `${path}.positive`);
    const negative = expectStringArray(q.negative, `${path}.negative`);
    checkDisjoint([positive, negative], [`${path}.positive`, `${path}.negative`], caseInsensitive);
    expectOptionalString(q.positiveLabel, `${path}.positiveLabel`);
    expectOptionalString(q.negativeLabel, `${path}.negativeLabel`);
  }
  if (type === "single" || type === "multi") {
    const codes = checkCategories(q.categories, `${path}.categories`, caseInsensitive);
    if (type === "multi" && q.columns !== undefined) checkOptionColumnCodes(q.columns as Record<string, string>, codes, path);
  }
  if (type === "likert") {
    const levels = expectStringArray(q.levels, `${path}.levels`);
    checkDisjoint(levels.map((level) => [level]), levels.map((_, i) => `${path}.levels[${i}]`), caseInsensitive);
    if (q.levelLabels !== undefined && expectStringArray(q.levelLabels, `${path}.levelLabels`).length !== levels.length) {
      throw codebookError("must have one label per level", `${path}.levelLabels`);
    }
  }
  checkChartWording(q, path);
  return q as unknown as Question;
}

/** A multi question reads one column split on `separator`, or one 0/1 column per option: one of the two. */
function checkMultiColumns(q: Record<string, unknown>, path: string): void {
  if (q.column !== undefined && q.columns !== undefined) throw codebookError("give column (with a separator) or columns, not both", `${path}.columns`);
  if (q.columns !== undefined) {
    for (const [code, column] of Object.entries(expectObject(q.columns, `${path}.columns`))) {
      if (typeof column !== "string" || column === "") throw codebookError("must name a CSV column", `${path}.columns.${code}`);
    }
    return;
  }
  if (typeof q.column !== "string" || q.column === "") {
    throw codebookError("a multi question needs a column (with a separator) or columns", `${path}.column`);
  }
  if (q.separator !== undefined && (typeof q.separator !== "string" || q.separator === "")) {
    throw codebookError("must be a non-empty string", `${path}.separator`);
  }
}

/** Option columns and categories name the same codes: each category is read from its own column. */
function checkOptionColumnCodes(columns: Record<string, string>, codes: string[], path: string): void {
  for (const code of codes) {
    if (!Object.hasOwn(columns, code)) throw codebookError(`has no column for category "${code}"`, `${path}.columns`);
  }
  for (const code of Object.keys(columns)) {
    if (!codes.includes(code)) throw codebookError(`names no category of this question`, `${path}.columns.${code}`);
  }
}

/** Checks the categories of a single or multi question and returns their codes. */
function checkCategories(value: unknown, path: string, caseInsensitive: boolean): string[] {
  if (!Array.isArray(value) || value.length === 0) throw codebookError("must be a non-empty array", path);
  const codes: string[] = [];
  const valueLists = value.map((item, i) => {
    const category = expectObject(item, `${path}[${i}]`);
    if (typeof category.code !== "string" || category.code === "") {
      throw codebookError("must be a non-empty string", `${path}[${i}].code`);
    }
    if (codes.includes(category.code)) throw codebookError(`duplicate category code "${category.code}"`, `${path}[${i}].code`);
    codes.push(category.code);
    if (typeof category.label !== "string") throw codebookError("must be a string (the category's label)", `${path}[${i}].label`);
    return expectStringArray(category.values, `${path}[${i}].values`);
  });
  checkDisjoint(valueLists, value.map((_, i) => `${path}[${i}].values`), caseInsensitive);
  return codes;
}

/** Fails when one answer value would mean two categories. */
function checkDisjoint(lists: string[][], paths: string[], caseInsensitive: boolean): void {
  const seen = new Map<string, number>();
  lists.forEach((list, index) => {
    for (const raw of list) {
      const key = caseInsensitive ? raw.trim().toLowerCase() : raw.trim();
      const owner = seen.get(key);
      if (owner !== undefined && owner !== index) {
        throw codebookError(`value "${raw}" also belongs to ${paths[owner]}`, paths[index] ?? "");
      }
      seen.set(key, index);
    }
  });
}

function checkTranslations(value: unknown, path: string): void {
  for (const [locale, translation] of Object.entries(expectObject(value, path))) {
    const t = expectObject(translation, `${path}.${locale}`);
    expectOptionalString(t.label, `${path}.${locale}.label`);
    if (t.categories === undefined) continue;
    for (const [code, label] of Object.entries(expectObject(t.categories, `${path}.${locale}.categories`))) {
      if (typeof label !== "string") throw codebookError("must be a string", `${path}.${locale}.categories.${code}`);
    }
  }
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw codebookError("must be an object", path);
  return value as Record<string, unknown>;
}

function expectOptionalString(value: unknown, path: string): void {
  if (value !== undefined && typeof value !== "string") throw codebookError("must be a string", path);
}

function expectStringArray(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw codebookError("must be an array of strings", path);
  }
  return value;
}

/** `chartTitle` (a string) and `respondents` (category code → string), on the question and in each translation. */
function checkChartWording(q: Record<string, unknown>, path: string): void {
  const codes = questionCategories(q as unknown as Question).map((c) => c.code);
  const translations = typeof q.translations === "object" && q.translations !== null ? Object.entries(q.translations) : [];
  const places: Array<[Record<string, unknown>, string]> = [[q, path], ...translations.map(([locale, t]): [Record<string, unknown>, string] => [t as Record<string, unknown>, `${path}.translations.${locale}`])];
  for (const [place, at] of places) {
    if (place.chartTitle !== undefined && typeof place.chartTitle !== "string") throw codebookError("must be a string", `${at}.chartTitle`);
    if (place.respondents === undefined) continue;
    for (const [code, words] of Object.entries(expectObject(place.respondents, `${at}.respondents`))) {
      if (!codes.includes(code)) throw codebookError(`names no category of this question; its codes are ${codes.join(", ")}`, `${at}.respondents.${code}`);
      if (typeof words !== "string" || words.trim() === "") throw codebookError("must be a non-empty string", `${at}.respondents.${code}`);
    }
  }
}
