import { parseNumberAnswer } from "../../codebook";
import type { CsvTable } from "../../load";

/** One column as the proposal sees it: its cells, its answers and their distinct values. */
export interface ColumnProfile {
  index: number;
  name: string;
  /** The question text the export carries (Qualtrics' second header row), else the name. */
  label: string;
  /** Each respondent's cell, trimmed. */
  cells: string[];
  /** Cells that are neither blank nor a missing code. */
  answers: string[];
  /** The distinct answers, numbers in numeric order then texts in alphabetical order; answers
   *  differing only in case are one, spelled as most respondents spelled it. */
  distinct: string[];
  /** Some answer was written in several cases ("Oui", "OUI"). */
  caseVariants: boolean;
  /** The missing codes found in this column (blank included). */
  missingFound: Set<string>;
}

/** Profiles every column of a table; rows with the wrong number of fields are not counted. */
export function profileColumns(table: CsvTable, missing: readonly string[]): { profiles: ColumnProfile[]; rows: string[][] } {
  const rows = table.rows.filter((fields) => fields.length === table.header.length);
  const profiles = table.header.map((name, index) => {
    const cells = rows.map((fields) => (fields[index] ?? "").trim());
    const missingFound = new Set<string>();
    const answers: string[] = [];
    for (const cell of cells) {
      if (cell === "" || missing.includes(cell)) missingFound.add(cell);
      else answers.push(cell);
    }
    const label = table.labels?.[index] || name;
    return { index, name, label, cells, answers, missingFound, ...distinctAnswers(answers) };
  });
  return { profiles, rows };
}

function distinctAnswers(answers: string[]): { distinct: string[]; caseVariants: boolean } {
  const counts = new Map<string, number>();
  for (const answer of answers) counts.set(answer, (counts.get(answer) ?? 0) + 1);
  const spellings = new Map<string, Array<[string, number]>>();
  for (const [answer, count] of counts) {
    const key = answer.toLowerCase();
    spellings.set(key, [...(spellings.get(key) ?? []), [answer, count]]);
  }
  const distinct = [...spellings.values()].map((variants) => variants.sort((a, b) => b[1] - a[1])[0]?.[0] as string);
  const caseVariants = [...spellings.values()].some((variants) => variants.length > 1);
  return { distinct: distinct.sort(compareAnswers), caseVariants };
}

/** Numbers in numeric order, then texts in alphabetical order. */
function compareAnswers(a: string, b: string): number {
  const x = parseNumberAnswer(a);
  const y = parseNumberAnswer(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  if (Number.isFinite(x) !== Number.isFinite(y)) return Number.isFinite(x) ? -1 : 1;
  return a.localeCompare(b);
}
