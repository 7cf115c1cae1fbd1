import { readOptionMark } from "../../codebook";
import type { ExportFormat } from "../../load";
import { exportConventions } from "../../load";
import type { ColumnProfile } from "./columnProfile";
import { questionIdOf } from "./questionIds";

/** Option columns that make one multi-select question: one 0/1-like column per option. */
export interface OptionGroup {
  /** The question's name (its id before it is made unique) and label. */
  name: string;
  label: string;
  options: Array<{ code: string; label: string; column: ColumnProfile }>;
  reason: string;
}

/** Separators between a spreadsheet heading's question and its option: "Réseaux - Facebook", "Réseaux : Twitter". */
const LABEL_SEPARATOR = /^(.+?)\s*(?: - | – | — |: | : |\/)\s*(.+)$/;
/** Qualtrics names the columns of a multi-select split into columns Q2_1, Q2_2 …; `_TEXT` ones are text entries. */
const QUALTRICS_OPTION = /^(.+)_(\d+)$/;

/** Whether every cell of a column is an option mark (1/0, 1/blank, X/blank, Y/blank, Oui/Non …). */
function holdsOptionMarks(column: ColumnProfile): boolean {
  return column.cells.some((cell) => readOptionMark(cell) === "chosen") && column.cells.every((cell) => readOptionMark(cell) !== undefined);
}

/**
 * Groups option columns into multi-select questions, in column order: the platform's naming
 * (Qualtrics `Q2_1`, REDCap `field___1`, LimeSurvey `Q5[SQ001]`), then, for any export, columns
 * whose headings share a prefix before " - " or ":" ("Réseaux - Facebook", "Réseaux - Twitter").
 * Only columns holding option marks are grouped; `optionLabels` gives option labels by column
 * (a data dictionary's choices).
 */
export function findOptionGroups(
  columns: ColumnProfile[],
  format: ExportFormat,
  optionLabels: (question: string, code: string) => string | undefined = () => undefined,
): OptionGroup[] {
  const marked = columns.filter(holdsOptionMarks);
  const groups = new Map<string, OptionGroup>();
  const grouped = new Set<ColumnProfile>();
  const add = (key: string, make: () => Omit<OptionGroup, "options">, option: OptionGroup["options"][number]) => {
    const group = groups.get(key) ?? { ...make(), options: [] };
    groups.set(key, group);
    group.options.push(option);
    grouped.add(option.column);
  };

  const split = platformSplit(format);
  for (const column of marked) {
    const parts = split?.(column);
    if (!parts) continue;
    add(`platform:${parts.question}`, () => ({ name: parts.question, label: parts.questionLabel ?? parts.question, reason: parts.reason }), {
      code: parts.option,
      label: optionLabels(parts.question, parts.option) ?? parts.optionLabel ?? parts.option,
      column,
    });
  }
  for (const key of [...groups.keys()]) {
    if (format === "qualtrics" && (groups.get(key)?.options.length ?? 0) < 2) {
      groups.get(key)?.options.forEach((option) => grouped.delete(option.column));
      groups.delete(key);
    }
  }

  const byPrefix = new Map<string, ColumnProfile[]>();
  for (const column of marked) {
    if (grouped.has(column)) continue;
    const match = LABEL_SEPARATOR.exec(column.name);
    if (match) byPrefix.set(match[1] as string, [...(byPrefix.get(match[1] as string) ?? []), column]);
  }
  for (const [prefix, members] of byPrefix) {
    if (members.length < 2) continue;
    const reason = `${members.length} columns "${prefix} - …" holding ${describeMarks(members)}: one option each`;
    const codes = new Set<string>();
    for (const column of members) {
      const optionLabel = (LABEL_SEPARATOR.exec(column.name)?.[2] as string).trim();
      const wanted = questionIdOf(optionLabel, true);
      let code = wanted;
      for (let n = 2; codes.has(code); n++) code = `${wanted}_${n}`;
      codes.add(code);
      add(`prefix:${prefix}`, () => ({ name: prefix, label: prefix, reason }), { code, label: optionLabel, column });
    }
  }
  return [...groups.values()].sort((a, b) => firstIndex(a) - firstIndex(b));
}

const firstIndex = (group: OptionGroup) => Math.min(...group.options.map((option) => option.column.index));

interface SplitColumn {
  question: string;
  option: string;
  questionLabel?: string;
  optionLabel?: string;
  reason: string;
}

/** How a platform names its option columns, with the labels its header carries. */
function platformSplit(format: ExportFormat): ((column: ColumnProfile) => SplitColumn | undefined) | undefined {
  if (format === "qualtrics") {
    return (column) => {
      const match = QUALTRICS_OPTION.exec(column.name);
      if (!match) return undefined;
      const [, question, option] = match as unknown as [string, string, string];
      const labels = qualtricsLabels(column.label);
      return { question, option, ...labels, reason: `Qualtrics option columns ${question}_k holding ${describeMarks([column])}` };
    };
  }
  const optionColumn = exportConventions(format).optionColumn;
  if (!optionColumn) return undefined;
  const platform = format === "redcap" ? "REDCap checkbox columns" : "LimeSurvey sub-question columns";
  const pattern = format === "redcap" ? "___k" : "[SQ…]";
  return (column) => {
    const parts = optionColumn(column.name);
    return parts && { ...parts, reason: `${platform} ${parts.question}${pattern} holding option marks` };
  };
}

/** "Question - Selected Choice - Option" (or "Question - Option") → the question's and the option's label. */
function qualtricsLabels(text: string): { questionLabel?: string; optionLabel?: string } {
  const selected = / - Selected Choice - /.exec(text);
  if (selected) return { questionLabel: text.slice(0, selected.index).trim(), optionLabel: text.slice(selected.index + selected[0].length).trim() };
  const last = text.lastIndexOf(" - ");
  return last > 0 ? { questionLabel: text.slice(0, last).trim(), optionLabel: text.slice(last + 3).trim() } : {};
}

/** "1 or blank", "0/1", "X or blank" … as the columns hold them. */
function describeMarks(columns: ColumnProfile[]): string {
  const values = new Set(columns.flatMap((column) => column.cells));
  const chosen = [...values].filter((value) => readOptionMark(value) === "chosen");
  const others = [...values].filter((value) => readOptionMark(value) === "notChosen").map((value) => (value === "" ? "blank" : value));
  return [...chosen, ...others].join(" or ");
}
