import type { ChartLocale } from "../charts";
import { localeTexts, methodName } from "../charts/locale";
import { commonBase, distinct } from "../charts/chartData";
import { intervalName } from "../charts/percentText";
import type { Estimate } from "../types";

/** The words of the workbook, PDF and slides that the report helpers do not already write. */
export interface OfficeWords {
  count: string;
  base: string;
  weightedCount: string;
  weightedBase: string;
  lower: string;
  upper: string;
  method: string;
  level: string;
  questionId: string;
  categoryCode: string;
  notes: string;
  rowsRead: string;
  problems: string;
  used: string;
  missing: string;
  notAsked: string;
  excluded: string;
  row: string;
  column: string;
  value: string;
  code: string;
  reason: string;
  dataQuality: string;
  weighted: string;
  unweighted: string;
  basesVary: string;
  intervalMethod: (interval: string, method: string) => string;
  /** "Rows read: 202." / "Lignes lues : 202." */
  countSentence: (label: string, count: number) => string;
  moreIssues: (count: number) => string;
  page: (page: number, pages: number) => string;
}

const WORDS: Record<ChartLocale, OfficeWords> = {
  "en-US": {
    count: "n",
    base: "Base",
    weightedCount: "Weighted n",
    weightedBase: "Weighted base",
    lower: "Lower",
    upper: "Upper",
    method: "Method",
    level: "Level",
    questionId: "Question ID",
    categoryCode: "Answer code",
    notes: "Notes",
    rowsRead: "Rows read",
    problems: "Problems found",
    used: "Used",
    missing: "No answer",
    notAsked: "Not asked",
    excluded: "Excluded",
    row: "Row",
    column: "Column",
    value: "Value",
    code: "Code",
    reason: "Reason",
    dataQuality: "Rows read, used and left out",
    weighted: "Weighted, design-based estimates; n and base count respondents (unweighted).",
    unweighted: "Unweighted: every respondent counts once.",
    basesVary: "Bases differ between rows.",
    intervalMethod: (interval, method) => `${interval}, ${method} method.`,
    countSentence: (label, count) => `${label}: ${count}.`,
    moreIssues: (count) => `… and ${count} more (the Excel report lists them all).`,
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
  "fr-FR": {
    count: "n",
    base: "Base",
    weightedCount: "n pondéré",
    weightedBase: "Base pondérée",
    lower: "Borne inf.",
    upper: "Borne sup.",
    method: "Méthode",
    level: "Niveau",
    questionId: "Identifiant",
    categoryCode: "Code réponse",
    notes: "Notes",
    rowsRead: "Lignes lues",
    problems: "Problèmes relevés",
    used: "Utilisées",
    missing: "Sans réponse",
    notAsked: "Non posée",
    excluded: "Exclues",
    row: "Ligne",
    column: "Colonne",
    value: "Valeur",
    code: "Code",
    reason: "Motif",
    dataQuality: "Lignes lues, utilisées et écartées",
    weighted: "Estimations pondérées selon le plan de sondage\u202f; n et base comptent les répondants (non pondérés).",
    unweighted: "Non pondéré\u202f: chaque répondant compte une fois.",
    basesVary: "Les bases diffèrent d’une ligne à l’autre.",
    intervalMethod: (interval, method) => `${interval}, méthode ${method}.`,
    countSentence: (label, count) => `${label}\u202f: ${count}.`,
    moreIssues: (count) => `… et ${count} autres (le rapport Excel les liste tous).`,
    page: (page, pages) => `Page ${page} sur ${pages}`,
  },
};

export function officeWords(locale: ChartLocale): OfficeWords {
  return WORDS[locale];
}

/** The sentences of a table's note: its base, interval and method, weighting, and source. */
export interface TableNote {
  /** "n = 140." or that bases vary. */
  base: string;
  /** "95% CI, Wilson (finite-population corrected) method." */
  interval: string;
  /** Whether the estimates are weighted. */
  weighting: string;
  source?: string;
}

/** The note under a table: what every output of a table says about its rows besides the numbers. */
export function tableNote(rows: readonly Estimate[], locale: ChartLocale, source?: string): TableNote {
  const words = WORDS[locale];
  const texts = localeTexts(locale);
  const base = commonBase(rows);
  const intervals = distinct(rows.map((row) => intervalName(row.level, locale))).join(", ");
  const corrected = rows.some((row) => row.populationSize !== undefined) ? ` (${texts.finitePopulationNote})` : "";
  const methods = distinct(rows.map((row) => methodName(row.method, locale))).join(", ") + corrected;
  return {
    base: base === undefined ? words.basesVary : `${texts.baseText(base)}.`,
    interval: words.intervalMethod(intervals, methods),
    weighting: rows.some((row) => row.weightedCount !== undefined) ? words.weighted : words.unweighted,
    ...(source !== undefined && { source: texts.sourceText(source) }),
  };
}

/** The note's sentences in order. */
export function noteSentences(note: TableNote): string[] {
  return [note.base, note.interval, note.weighting, ...(note.source === undefined ? [] : [note.source])];
}
