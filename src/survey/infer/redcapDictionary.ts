import type { Filter, Question } from "../../codebook";
import { SurveyError } from "../../errors";
import type { CsvTable } from "../../load";
import { isOrderedScale } from "./orderedScales";

/** One field of a REDCap data dictionary. */
export interface DictionaryField {
  /** The variable (field) name: the export's column. */
  name: string;
  /** text, notes, radio, dropdown, checkbox, yesno, truefalse, calc, slider, file, descriptive … */
  type: string;
  /** The field's label, without HTML. */
  label: string;
  /** Coded choices in the dictionary's order ("1, Femme | 2, Homme"). */
  choices: Array<{
    /** The raw code, e.g. "1". */
    code: string;
    /** Its label, e.g. "Femme". */
    label: string;
  }>;
  /** Text validation: integer, number, date_ymd, datetime_dmy … */
  validation: string;
  /** "Show field only if…", e.g. `[fb] = '1'`. */
  branching: string;
}

/** A REDCap data dictionary's fields, by field name. */
export type DataDictionary = Map<string, DictionaryField>;

const COLUMNS = {
  name: "Variable / Field Name",
  type: "Field Type",
  label: "Field Label",
  choices: "Choices, Calculations, OR Slider Labels",
  validation: "Text Validation Type OR Show Slider Number",
  branching: "Branching Logic (Show field only if...)",
} as const;

/**
 * Reads a REDCap data dictionary (its CSV, as REDCap downloads it) by field name.
 *
 * @param table - The dictionary's CSV, parsed.
 * @returns Its fields by name.
 * @throws {@link SurveyError} `E_UNKNOWN_COLUMN` when a column REDCap writes is missing.
 *
 * @example
 * ```ts
 * import { parseCsv, readDataDictionary } from "svyprop";
 *
 * const dictionary = readDataDictionary(
 *   parseCsv(
 *     '"Variable / Field Name","Field Type","Field Label","Choices, Calculations, OR Slider Labels",' +
 *       '"Text Validation Type OR Show Slider Number","Branching Logic (Show field only if...)"\n' +
 *       'sex,radio,Sex,"1, Femme | 2, Homme",,\n',
 *   ),
 * );
 * dictionary.get("sex"); // → { type: "radio", label: "Sex", choices: [{ code: "1", label: "Femme" }, { code: "2", label: "Homme" }] }
 * ```
 */
export function readDataDictionary(table: CsvTable): DataDictionary {
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([key, heading]) => [key, table.header.indexOf(heading)])) as Record<keyof typeof COLUMNS, number>;
  if (at.name < 0 || at.type < 0 || at.label < 0) {
    throw new SurveyError("E_UNKNOWN_COLUMN", `a REDCap data dictionary needs the columns "${COLUMNS.name}", "${COLUMNS.type}" and "${COLUMNS.label}"`, {
      value: table.header.slice(0, 4).join(", "),
    });
  }
  const cell = (fields: string[], index: number) => (index < 0 ? "" : (fields[index] ?? "").trim());
  const dictionary: DataDictionary = new Map();
  for (const fields of table.rows) {
    const name = cell(fields, at.name);
    if (name === "") continue;
    const type = cell(fields, at.type);
    dictionary.set(name, {
      name, type, label: plainText(cell(fields, at.label)),
      choices: type === "calc" || type === "slider" ? [] : parseChoices(cell(fields, at.choices)),
      validation: cell(fields, at.validation), branching: cell(fields, at.branching),
    });
  }
  return dictionary;
}

/** "1, Femme | 2, Homme" → codes and labels. */
function parseChoices(text: string): DictionaryField["choices"] {
  if (text === "") return [];
  return text.split("|").map((choice) => {
    const comma = choice.indexOf(",");
    return comma < 0 ? { code: choice.trim(), label: choice.trim() } : { code: choice.slice(0, comma).trim(), label: plainText(choice.slice(comma + 1)) };
  });
}

/** A label without its HTML tags and entities, on one line. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();
}

/**
 * The question a dictionary field describes, or the reason it is left out. The column's
 * answers still decide what the dictionary cannot (a text field holding codes).
 */
export function questionFromField(field: DictionaryField): { question: Question; reason: string } | { leftOut: string } | undefined {
  const base = { id: field.name, column: field.name, label: field.label };
  const where = `the dictionary says ${field.type}`;
  switch (field.type) {
    case "yesno":
      return { question: { ...base, type: "binary", positive: ["1"], negative: ["0"] }, reason: `${where} (1 yes, 0 no)` };
    case "truefalse":
      return { question: { ...base, type: "binary", positive: ["1"], negative: ["0"], positiveLabel: "True", negativeLabel: "False" }, reason: `${where} (1 true, 0 false)` };
    case "radio":
    case "dropdown": {
      if (field.choices.length === 0) return undefined;
      const labels = field.choices.map((choice) => choice.label);
      if (field.choices.length >= 3 && isOrderedScale(labels)) {
        return {
          question: { ...base, type: "likert", levels: field.choices.map((choice) => choice.code), levelLabels: labels },
          reason: `${where} with the levels of an ordered scale`,
        };
      }
      return {
        question: { ...base, type: "single", categories: field.choices.map(({ code, label }) => ({ code, label, values: [code] })) },
        reason: `${where} with ${field.choices.length} choices`,
      };
    }
    case "calc":
    case "slider":
      return { question: { ...base, type: "numeric" }, reason: where };
    case "notes":
      return { leftOut: `free text: ${where}` };
    case "file":
    case "signature":
      return { leftOut: `${where}, not an answer to count` };
    case "text":
      if (/^(integer|number)/.test(field.validation)) return { question: { ...base, type: "numeric" }, reason: `${where} with ${field.validation} validation` };
      if (/^(date|datetime|time)/.test(field.validation)) return { leftOut: `a date or time: ${where} with ${field.validation} validation` };
      return undefined;
    default:
      return undefined;
  }
}

const SIMPLE_BRANCHING = /^\[([A-Za-z0-9_]+)\]\s*=\s*(?:'([^']*)'|"([^"]*)"|(\d+))$/;

/**
 * A filter for branching logic of the form `[field] = 'value'`, naming the answer by its
 * category code (a yes/no field's 1 is "yes"); undefined for any other logic.
 */
export function filterFromBranching(branching: string, questionOf: (field: string) => Question | undefined): Filter | undefined {
  const match = SIMPLE_BRANCHING.exec(branching.trim());
  if (!match) return undefined;
  const field = match[1] as string;
  const value = match[2] ?? match[3] ?? match[4] ?? "";
  const target = questionOf(field);
  if (!target) return undefined;
  if (target.type === "binary") {
    if (target.positive.includes(value)) return { question: target.id, equals: "yes" };
    if (target.negative.includes(value)) return { question: target.id, equals: "no" };
    return undefined;
  }
  if (target.type === "single" || target.type === "multi") {
    const category = target.categories.find((c) => c.values.includes(value) || (target.type === "multi" && c.code === value));
    return category && { question: target.id, equals: category.code };
  }
  if (target.type === "likert" && target.levels.includes(value)) return { question: target.id, equals: value };
  return undefined;
}
