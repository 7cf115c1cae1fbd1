import { parseCodebook, parseNumberAnswer, readOptionMark, type Codebook, type Question } from "../codebook";
import { exportConventions, readTable, type CsvTable, type ReadTableOptions, type Source } from "../load";

export interface InferCodebookOptions extends ReadTableOptions {
  /** Values that mean "no answer"; those found in the data go into the codebook's `missing`. */
  missing?: string[];
  /** A text column with more distinct answers than this is free text and left out. */
  maxCategories?: number;
}

const DEFAULT_MISSING = ["", "NA", "N/A", "-99", "Ne sait pas", "NSP"];
const FREE_TEXT_LENGTH = 60;
/** Fewer distinct whole numbers (1, 2, 3) are more likely codes of a single choice than a scale or a measure. */
const MIN_SCALE_POINTS = 4;
const POSITIVE = new Set(["1", "yes", "y", "oui", "o", "true", "vrai", "checked"]);

/**
 * Proposes a codebook from the data, for the user to edit: two distinct answers make a
 * `binary` question, four or more whole numbers within 1–5 or 1–7 a `likert` one, other numbers
 * (decimal commas too) a `numeric` one, and a few distinct texts — or three whole-number codes
 * (1, 2, 3) — a `single` one. A platform's option
 * columns (REDCap `var___1`, LimeSurvey `Q5[SQ001]`) holding only 1/0-like marks become one
 * `multi` question. Columns the platform adds about the response (dates, progress), empty
 * columns and free text (answers over several lines or 60 characters, or more distinct answers
 * than `maxCategories`) are left out; the platform's id column becomes `respondentId`.
 */
export async function inferCodebook(source: Source, options: InferCodebookOptions = {}): Promise<Codebook> {
  return inferCodebookFromTable(await readTable(source, options), options);
}

/** `inferCodebook` for a table already read (see `readTable`). */
export function inferCodebookFromTable(table: CsvTable, options: InferCodebookOptions = {}): Codebook {
  const conventions = exportConventions(table.format ?? "plain");
  const missing = options.missing ?? DEFAULT_MISSING;
  const maxCategories = options.maxCategories ?? 20;
  const rows = table.rows.filter((fields) => fields.length === table.header.length);
  const missingFound = new Set<string>();
  const answersOf = (column: number): string[] => {
    const values: string[] = [];
    for (const fields of rows) {
      const value = (fields[column] ?? "").trim();
      if (value === "" || missing.includes(value)) missingFound.add(value);
      else values.push(value);
    }
    return values;
  };

  const questions: Question[] = [];
  const ids = new Set<string>();
  const uniqueId = (name: string): string => {
    let id = name;
    for (let n = 2; ids.has(id); n++) id = `${name}_${n}`;
    ids.add(id);
    return id;
  };
  const optionGroups = new Map<string, Array<{ option: string; column: string }>>();
  table.header.forEach((column, i) => {
    if (conventions.isMetadata(column)) return;
    const answers = answersOf(i);
    const option = conventions.optionColumn?.(column);
    if (option && answers.every((value) => readOptionMark(value) !== undefined)) {
      const group = optionGroups.get(option.question) ?? [];
      if (group.length === 0) optionGroups.set(option.question, group);
      group.push({ option: option.option, column });
      return;
    }
    const label = table.labels?.[i] || column;
    const question = inferQuestion(column, label, answers, maxCategories);
    if (question) questions.push({ ...question, id: uniqueId(column) });
  });
  for (const [name, options] of optionGroups) {
    questions.push({
      id: uniqueId(name),
      type: "multi",
      label: name,
      columns: Object.fromEntries(options.map(({ option, column }) => [option, column])),
      categories: options.map(({ option }) => ({ code: option, label: option, values: [] })),
    });
  }

  const idColumn = conventions.idColumn;
  return parseCodebook({
    missing: ["", ...missing.filter((code) => code !== "" && missingFound.has(code))],
    ...(idColumn !== undefined && table.header.includes(idColumn) ? { respondentId: idColumn } : {}),
    questions,
  });
}

/**
 * The question one column's answers suggest (its id is the column name until made unique), or
 * undefined for an empty or free-text column.
 */
function inferQuestion(column: string, label: string, answers: string[], maxCategories: number): Question | undefined {
  const id = column;
  const { distinct, caseInsensitive } = distinctAnswers(answers);
  if (distinct.length === 0 || distinct.some(looksLikeFreeText)) return undefined;
  const numbers = distinct.map(parseNumberAnswer);
  if (distinct.length === 2) {
    const positive = distinct.find((value) => POSITIVE.has(value.toLowerCase())) ?? (distinct[0] as string);
    const negative = distinct.find((value) => value !== positive) as string;
    return {
      id, column, label, type: "binary", positive: [positive], negative: [negative],
      positiveLabel: positive, negativeLabel: negative, ...caseInsensitive,
    };
  }
  if (distinct.length >= MIN_SCALE_POINTS && numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 7)) {
    const top = Math.max(...numbers) <= 5 ? 5 : 7;
    return { id, column, label, type: "likert", levels: Array.from({ length: top }, (_, i) => String(i + 1)) };
  }
  const fewCodes = distinct.length < MIN_SCALE_POINTS && numbers.every(Number.isInteger);
  if (numbers.every(Number.isFinite) && !fewCodes) return { id, column, label, type: "numeric" };
  if (distinct.length > maxCategories) return undefined;
  return {
    id, column, label, type: "single",
    categories: distinct.map((value) => ({ code: value, label: value, values: [value] })),
    ...caseInsensitive,
  };
}

/**
 * The distinct answers, sorted. Answers differing only in case ("Oui", "OUI") are one answer,
 * written as most respondents wrote it, and the question is proposed `caseInsensitive`.
 */
function distinctAnswers(answers: string[]): { distinct: string[]; caseInsensitive: { caseInsensitive?: true } } {
  const spellings = new Map<string, Map<string, number>>();
  for (const answer of answers) {
    const key = answer.toLowerCase();
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(answer, (counts.get(answer) ?? 0) + 1);
    spellings.set(key, counts);
  }
  const distinct = [...spellings.values()].map((counts) => [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string);
  const variants = [...spellings.values()].some((counts) => counts.size > 1);
  return { distinct: distinct.sort(compareAnswers), caseInsensitive: variants ? { caseInsensitive: true } : {} };
}

/** An answer no closed question gives: several lines, or a sentence. */
function looksLikeFreeText(value: string): boolean {
  return /[\r\n]/.test(value) || value.length > FREE_TEXT_LENGTH;
}

/** Numbers in numeric order, then texts in alphabetical order. */
function compareAnswers(a: string, b: string): number {
  const x = parseNumberAnswer(a);
  const y = parseNumberAnswer(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  if (Number.isFinite(x) !== Number.isFinite(y)) return Number.isFinite(x) ? -1 : 1;
  return a.localeCompare(b);
}
