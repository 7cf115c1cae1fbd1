import { parseCodebook, type Codebook, type Question } from "../../codebook";
import { exportConventions, readTable, type CsvTable, type ExportFormat, type Source } from "../../load";
import { profileColumns, type ColumnProfile } from "./columnProfile";
import { freeTextReason, idReason, timestampReason, weightReason } from "./columnRoles";
import { findOptionGroups } from "./optionGroups";
import { questionFromAnswers } from "./questionFromAnswers";
import { questionIdOf, uniqueIds } from "./questionIds";
import { filterFromBranching, questionFromField, readDataDictionary, type DataDictionary } from "./redcapDictionary";
import { separatedOptions } from "./separatedOptions";
import { skipCondition, skipFilter } from "./skipLogic";
import type { CodebookProposal, ColumnNote, InferCodebookOptions } from "./types";

const DEFAULT_MISSING = ["", "NA", "N/A", "-99", "Ne sait pas", "NSP"];
const REDCAP_HIDDEN_CHECKBOXES = "; REDCap writes 0 in the checkboxes its branching logic hid, so give the data dictionary (--dictionary) for their filter";
const PLATFORM_NAMES: Record<ExportFormat, string> = { plain: "spreadsheet", qualtrics: "Qualtrics", limesurvey: "LimeSurvey", redcap: "REDCap" };

/** `InferCodebookOptions` once the data dictionary, if any, has been read. */
export interface ProposeOptions extends Omit<InferCodebookOptions, "dictionary"> {
  /** The data dictionary, read. */
  dictionary?: DataDictionary;
}

/**
 * Proposes a codebook from the data, for the user to edit (see `proposeCodebook` for the
 * rules and the notes that explain each decision).
 *
 * @param source - The CSV: a file path, CSV text (a string with a line break), a URL, bytes, or a stream.
 * @param options - The reading options, the missing codes, the most categories of a question, and a REDCap dictionary.
 * @returns The proposed codebook.
 * @throws {@link SurveyError} as `readTable`.
 *
 * @example
 * ```ts
 * import { inferCodebook } from "svyprop";
 *
 * const codebook = await inferCodebook("fb,real_name\nOui,Oui\nNon,\nOui,Non\n");
 * codebook.questions.map((question) => `${question.id}: ${question.type}`); // → ["fb: binary", "real_name: binary"]
 * ```
 */
export async function inferCodebook(source: Source, options: InferCodebookOptions = {}): Promise<Codebook> {
  return (await proposeCodebook(source, options)).codebook;
}

/**
 * `inferCodebook` for a table already read (see `readTable`).
 *
 * @param table - The table (`readTable`).
 * @param options - The missing codes, the most categories of a question, and a read REDCap dictionary.
 * @returns The proposed codebook.
 *
 * @example
 * ```ts
 * import { inferCodebookFromTable, parseCsv } from "svyprop";
 *
 * const codebook = inferCodebookFromTable(parseCsv("fb\nOui\nNon\nOui\n"));
 * codebook.questions; // → [{ id: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }]
 * ```
 */
export function inferCodebookFromTable(table: CsvTable, options: ProposeOptions = {}): Codebook {
  return proposeCodebookFromTable(table, options).codebook;
}

/**
 * Reads the source (and the REDCap data dictionary, when given) and proposes a codebook with its notes.
 *
 * @param source - The CSV: a file path, CSV text (a string with a line break), a URL, bytes, or a stream.
 * @param options - The reading options, the missing codes, the most categories of a question, and a REDCap dictionary.
 * @returns The proposed codebook and a note per decision.
 * @throws {@link SurveyError} as `readTable`.
 *
 * @example
 * ```ts
 * import { proposeCodebook } from "svyprop";
 *
 * const { notes } = await proposeCodebook("fb\nOui\nNon\nOui\n");
 * notes; // → [{ columns: ["fb"], decision: "binary \"fb\"", reason: "two answers, \"Oui\", \"Non\": a yes/no question" }]
 * ```
 */
export async function proposeCodebook(source: Source, options: InferCodebookOptions = {}): Promise<CodebookProposal> {
  const { dictionary, ...rest } = options;
  const table = await readTable(source, rest);
  if (dictionary === undefined) return proposeCodebookFromTable(table, rest);
  return proposeCodebookFromTable(table, { ...rest, dictionary: readDataDictionary(await readTable(dictionary, { format: "plain" })) });
}

interface Proposed {
  question: Question;
  columns: ColumnProfile[];
  reason: string;
  branching?: string;
}

/**
 * The codebook a researcher would write for a table, and a note per column saying why:
 * - the platform's response metadata (dates, progress, IP) is left out and its id column becomes
 *   `respondentId`, as does a column named like an id holding a different value on every row;
 * - option columns (Qualtrics `Q2_1`, REDCap `field___1`, LimeSurvey `Q5[SQ001]`, spreadsheet
 *   columns "Réseaux - Facebook", "Réseaux - Twitter" holding 0/1, 1/blank, X/blank) make one
 *   `multi` question, and so does one column listing the chosen options ("Facebook,Twitter");
 * - a REDCap data dictionary gives labels, choices, field types and `[field] = 'v'` branching logic;
 * - dates and times, free text and empty columns are left out; a column named like a weight
 *   holding positive numbers is proposed as `design.weights`;
 * - every other column is a question by its answers (`questionFromAnswers`): yes/no pairs are
 *   binary, other pairs (H/F) single, agreement scales likert with ordered levels;
 * - a question left blank exactly by the respondents who gave one answer to an earlier question
 *   gets a filter (skip logic, `skipFilter`).
 *
 * @param table - The table (`readTable`).
 * @param options - The missing codes, the most categories of a question, and a read REDCap dictionary.
 * @returns The proposed codebook and a note per decision.
 *
 * @example
 * ```ts
 * import { parseCsv, proposeCodebookFromTable } from "svyprop";
 *
 * const { codebook, notes } = proposeCodebookFromTable(parseCsv("fb\nOui\nNon\nOui\n"));
 * codebook.questions.length; // → 1
 * notes[0]?.decision; // → "binary \"fb\""
 * ```
 */
export function proposeCodebookFromTable(table: CsvTable, options: ProposeOptions = {}): CodebookProposal {
  const format = table.format ?? "plain";
  const conventions = exportConventions(format);
  const missing = options.missing ?? DEFAULT_MISSING;
  const maxCategories = options.maxCategories ?? 20;
  const dictionary = options.dictionary;
  const { profiles } = profileColumns(table, missing);
  const notes: ColumnNote[] = [];
  const note = (columns: ColumnProfile[], decision: string, reason: string) =>
    notes.push({ columns: columns.map((column) => column.name), decision, reason });
  const leaveOut = (column: ColumnProfile, reason: string) => note([column], "left out", reason);

  let respondentId: string | undefined;
  let weights: string | undefined;
  const candidates: ColumnProfile[] = [];
  for (const column of profiles) {
    if (column.name === conventions.idColumn && respondentId === undefined) {
      respondentId = column.name;
      note([column], "respondentId", `the ${PLATFORM_NAMES[format]} export's respondent id`);
    } else if (conventions.isMetadata(column.name)) {
      leaveOut(column, `${PLATFORM_NAMES[format]} response metadata, not an answer`);
    } else {
      candidates.push(column);
    }
  }

  const proposed: Proposed[] = [];
  const groups = findOptionGroups(candidates, format, (question, code) => dictionary?.get(question)?.choices.find((c) => c.code === code)?.label);
  const grouped = new Set(groups.flatMap((group) => group.options.map((option) => option.column)));
  for (const group of groups) {
    const field = dictionary?.get(group.name);
    proposed.push({
      question: {
        id: group.name, type: "multi", label: field?.label || group.label,
        columns: Object.fromEntries(group.options.map((option) => [option.code, option.column.name])),
        categories: group.options.map(({ code, label }) => ({ code, label, values: [] })),
      },
      columns: group.options.map((option) => option.column),
      reason: group.reason + (field ? "; labels from the dictionary" : "") + (format === "redcap" && !dictionary ? REDCAP_HIDDEN_CHECKBOXES : ""),
      ...(field?.branching ? { branching: field.branching } : {}),
    });
  }

  for (const column of candidates) {
    if (grouped.has(column)) continue;
    const field = dictionary?.get(column.name);
    const fromField = field && questionFromField(field);
    if (fromField && "leftOut" in fromField) {
      leaveOut(column, fromField.leftOut);
      continue;
    }
    if (column.answers.length === 0) {
      leaveOut(column, "no answers");
      continue;
    }
    const id = respondentId === undefined ? idReason(column) : undefined;
    if (id !== undefined) {
      respondentId = column.name;
      note([column], "respondentId", id);
      continue;
    }
    const timestamp = timestampReason(column);
    if (timestamp !== undefined) {
      leaveOut(column, timestamp);
      continue;
    }
    const weight = weights === undefined ? weightReason(column) : undefined;
    if (weight !== undefined) {
      weights = column.name;
      note([column], "design.weights", weight);
      continue;
    }
    const branching = field?.branching ? { branching: field.branching } : {};
    if (fromField) {
      proposed.push({ question: fromField.question, columns: [column], reason: fromField.reason, ...branching });
      continue;
    }
    const separated = separatedOptions(column, maxCategories);
    if (separated) {
      proposed.push({ ...separated, columns: [column] });
      continue;
    }
    const freeText = freeTextReason(column, maxCategories);
    if (freeText !== undefined) {
      leaveOut(column, `free text: ${freeText}`);
      continue;
    }
    const fromAnswers = questionFromAnswers(column);
    if (fromAnswers) proposed.push({ ...fromAnswers, columns: [column], ...branching, question: { ...fromAnswers.question, ...(field?.label ? { label: field.label } : {}) } });
  }

  proposed.sort((a, b) => (a.columns[0]?.index ?? 0) - (b.columns[0]?.index ?? 0));
  const uniqueId = uniqueIds();
  for (const entry of proposed) {
    entry.question.id = uniqueId(questionIdOf(entry.question.id, format === "plain"));
    note(entry.columns, `${entry.question.type} "${entry.question.id}"`, entry.reason);
  }
  const codebookMissing = missingCodes(proposed, missing);
  for (const code of codebookMissing.filter((code) => code !== "")) {
    const columns = proposed.flatMap((entry) => entry.columns.filter((column) => column.missingFound.has(code)));
    note(columns, `missing "${code}"`, "a no-answer code: left out of the base, counted as no answer");
  }
  addFilters(proposed, codebookMissing, notes);

  const codebook = parseCodebook({
    missing: codebookMissing,
    ...(respondentId === undefined ? {} : { respondentId }),
    ...(weights === undefined ? {} : { design: { weights } }),
    questions: proposed.map((entry) => entry.question),
  });
  notes.sort((a, b) => columnIndex(table, a) - columnIndex(table, b));
  return { codebook, notes };
}

const columnIndex = (table: CsvTable, note: ColumnNote) => table.header.indexOf(note.columns[0] ?? "");

/** The missing codes found in the questions' columns, blank first. */
function missingCodes(proposed: Proposed[], missing: readonly string[]): string[] {
  const found = new Set(proposed.flatMap((entry) => entry.columns.flatMap((column) => [...column.missingFound])));
  return ["", ...missing.filter((code) => code !== "" && found.has(code))];
}

/** Filters from the dictionary's branching logic, else from the blanks' pattern (skip logic). */
function addFilters(proposed: Proposed[], codebookMissing: readonly string[], notes: ColumnNote[]): void {
  const byColumn = new Map(proposed.flatMap((entry) => entry.columns.map((column) => [column.name, entry.question] as const)));
  const byField = (field: string) => byColumn.get(field) ?? proposed.find((entry) => entry.question.type === "multi" && entry.columns.some((c) => c.name.startsWith(`${field}___`)))?.question;
  const conditions = proposed.map(({ question, columns }) => skipCondition(question, columns[0]?.cells ?? [], codebookMissing));
  proposed.forEach((entry, i) => {
    const columns = entry.columns.map((column) => column.name);
    if (entry.branching !== undefined) {
      const filter = filterFromBranching(entry.branching, byField);
      if (filter) {
        entry.question.filter = filter;
        notes.push({ columns, decision: `filter ${describeFilter(filter)}`, reason: `the dictionary's branching logic ${entry.branching}` });
      } else {
        notes.push({ columns, decision: "no filter", reason: `branching logic ${entry.branching} is not of the form [field] = 'value': write the filter by hand` });
      }
      return;
    }
    const blank = (entry.columns[0]?.cells ?? []).map((_, row) => entry.columns.every((column) => column.cells[row] === ""));
    const found = skipFilter(blank, conditions.slice(0, i).filter((condition) => condition !== undefined));
    if (found) {
      entry.question.filter = found.filter;
      notes.push({ columns, decision: `filter ${describeFilter(found.filter)}`, reason: found.reason });
    }
  });
}

function describeFilter(filter: NonNullable<Question["filter"]>): string {
  if ("equals" in filter) return `${filter.question} = "${filter.equals}"`;
  if ("in" in filter) return `${filter.question} in ${filter.in.map((code) => `"${code}"`).join(", ")}`;
  return JSON.stringify(filter);
}
