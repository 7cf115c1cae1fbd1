import { SurveyError } from "../errors";
import { questionCategories } from "./categories";
import type { Codebook, Filter, Question, QuestionType } from "./types";

const QUESTION_TYPES: readonly QuestionType[] = ["binary", "single", "multi", "likert", "numeric"];

/**
 * Checks that an untrusted JSON value is a codebook (see `types.ts`) and returns it typed.
 * Every problem throws `E_CODEBOOK` naming the JSON path of the bad field, e.g.
 * `questions[3].filter.question`. Column names are checked later, against the CSV header.
 */
export function parseCodebook(json: unknown): Codebook {
  const root = expectObject(json, "$");
  const questions = root.questions;
  if (!Array.isArray(questions) || questions.length === 0) {
    throw codebookError("must have a non-empty array of questions", "questions");
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
  checkFilters(codebook);
  return codebook;
}

function checkDesign(value: unknown): void {
  const design = expectObject(value, "design");
  const size = design.populationSize;
  if (size !== undefined && (typeof size !== "number" || !Number.isFinite(size) || size <= 0)) {
    throw codebookError("must be a positive number", "design.populationSize");
  }
  for (const key of ["weights", "strata", "cluster"] as const) {
    if (design[key] !== undefined && typeof design[key] !== "string") {
      throw codebookError("must be a column name", `design.${key}`);
    }
  }
  const fpc = design.fpc;
  if (fpc !== undefined && typeof fpc !== "string" && !(typeof fpc === "number" && Number.isFinite(fpc) && fpc > 0)) {
    throw codebookError("must be a column name or a positive number", "design.fpc");
  }
  if (design.lonelyPsu !== undefined && !(LONELY_PSU as readonly unknown[]).includes(design.lonelyPsu)) {
    throw codebookError(`must be one of ${LONELY_PSU.join(", ")}`, "design.lonelyPsu");
  }
  if (design.calibration !== undefined) checkCalibration(design.calibration);
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
      if (typeof count !== "number" || !Number.isFinite(count) || count <= 0) {
        throw codebookError("must be a positive population count", `${path}.margins[${k}].population.${key}`);
      }
      sum += count;
    }
    if (total !== undefined && Math.abs(sum - total) > 1e-9 * total) {
      throw codebookError(`counts add up to ${sum}, but the first margin's to ${total}: raking needs one population total`, `${path}.margins[${k}].population`);
    }
    total ??= sum;
  });
  const { epsilon, maxIterations } = calibration;
  if (epsilon !== undefined && !(typeof epsilon === "number" && Number.isFinite(epsilon) && epsilon > 0)) throw codebookError("must be a positive number", `${path}.epsilon`);
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
  if (q.missing !== undefined) expectStringArray(q.missing, `${path}.missing`);
  if (q.translations !== undefined) checkTranslations(q.translations, `${path}.translations`);
  const type = q.type as QuestionType;
  if (type === "multi") {
    if (typeof q.column !== "string" && (typeof q.columns !== "object" || q.columns === null)) {
      throw codebookError("a multi question needs a column (with a separator) or columns", `${path}.column`);
    }
  } else if (typeof q.column !== "string" || q.column === "") {
    throw codebookError("must name a CSV column", `${path}.column`);
  }
  if (type === "binary") {
    const positive = expectStringArray(q.positive, `${path}.positive`);
    const negative = expectStringArray(q.negative, `${path}.negative`);
    checkDisjoint([positive, negative], [`${path}.positive`, `${path}.negative`], q.caseInsensitive === true);
  }
  if (type === "single" || type === "multi") checkCategories(q.categories, `${path}.categories`, q.caseInsensitive === true);
  if (type === "likert") {
    const levels = expectStringArray(q.levels, `${path}.levels`);
    checkDisjoint(levels.map((level) => [level]), levels.map((_, i) => `${path}.levels[${i}]`), q.caseInsensitive === true);
    if (q.levelLabels !== undefined && expectStringArray(q.levelLabels, `${path}.levelLabels`).length !== levels.length) {
      throw codebookError("must have one label per level", `${path}.levelLabels`);
    }
  }
  checkChartWording(q, path);
  return q as unknown as Question;
}

function checkCategories(value: unknown, path: string, caseInsensitive: boolean): void {
  if (!Array.isArray(value) || value.length === 0) throw codebookError("must be a non-empty array", path);
  const codes = new Set<string>();
  const valueLists = value.map((item, i) => {
    const category = expectObject(item, `${path}[${i}]`);
    if (typeof category.code !== "string" || category.code === "") {
      throw codebookError("must be a non-empty string", `${path}[${i}].code`);
    }
    if (codes.has(category.code)) throw codebookError(`duplicate category code "${category.code}"`, `${path}[${i}].code`);
    codes.add(category.code);
    return expectStringArray(category.values, `${path}[${i}].values`);
  });
  checkDisjoint(valueLists, value.map((_, i) => `${path}[${i}].values`), caseInsensitive);
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

function checkFilters(codebook: Codebook): void {
  const byId = new Map(codebook.questions.map((q) => [q.id, q]));
  codebook.questions.forEach((q, index) => {
    if (q.filter === undefined) return;
    const path = `questions[${index}].filter`;
    for (const [filter, filterPath] of leafFilters(q.filter, path)) {
      if (!byId.has(filter.question)) {
        throw codebookError(`names unknown question "${filter.question}"`, `${filterPath}.question`);
      }
    }
    // Follow filters from this question; meeting it again is a cycle.
    const visiting = [q.id];
    const walk = (current: Question): void => {
      if (current.filter === undefined) return;
      for (const [filter] of leafFilters(current.filter, path)) {
        if (filter.question === q.id) {
          throw codebookError(`cyclic filters: ${[...visiting, q.id].join(" → ")}`, path);
        }
        if (visiting.includes(filter.question)) continue;
        visiting.push(filter.question);
        walk(byId.get(filter.question) as Question);
        visiting.pop();
      }
    };
    walk(q);
  });
}

type LeafFilter = Exclude<Filter, { all: Filter[] }>;

/** The simple conditions of a (possibly combined) filter, each with its JSON path. */
export function leafFilters(filter: Filter, path: string): Array<[LeafFilter, string]> {
  if (typeof filter !== "object" || filter === null) throw codebookError("must be an object", path);
  if ("all" in filter) {
    if (!Array.isArray(filter.all)) throw codebookError("must be an array of filters", `${path}.all`);
    return filter.all.flatMap((inner, i) => leafFilters(inner, `${path}.all[${i}]`));
  }
  if (typeof filter.question !== "string") throw codebookError("must name a question", `${path}.question`);
  if ("equals" in filter) {
    if (typeof filter.equals !== "string") throw codebookError("must be a string", `${path}.equals`);
  } else if ("in" in filter) {
    expectStringArray(filter.in, `${path}.in`);
  } else if ("notMissing" in filter) {
    if (filter.notMissing !== true) throw codebookError("must be true", `${path}.notMissing`);
  } else {
    throw codebookError("needs one of equals, in, notMissing", path);
  }
  return [[filter, path]];
}

function checkTranslations(value: unknown, path: string): void {
  for (const [locale, translation] of Object.entries(expectObject(value, path))) {
    const t = expectObject(translation, `${path}.${locale}`);
    if (t.label !== undefined && typeof t.label !== "string") throw codebookError("must be a string", `${path}.${locale}.label`);
    if (t.categories === undefined) continue;
    for (const [code, label] of Object.entries(expectObject(t.categories, `${path}.${locale}.categories`))) {
      if (typeof label !== "string") throw codebookError("must be a string", `${path}.${locale}.categories.${code}`);
    }
  }
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw codebookError("must be an object", path);
  return value as Record<string, unknown>;
}

function expectStringArray(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw codebookError("must be an array of strings", path);
  }
  return value;
}

function codebookError(problem: string, path: string): SurveyError {
  return new SurveyError("E_CODEBOOK", `codebook field ${problem}`, { path });
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
