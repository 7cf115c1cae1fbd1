import { categoriesIn, createAnswerCoder, questionCategories, questionLabelIn, type Codebook, type Filter, type Question } from "../codebook";
import type { Estimate } from "../types";
import type { ChartLocale } from "./locale";
import { chartTitleIn, respondentsIn } from "./questionWording";

/** Estimate rows that belong in one chart, with a file-safe name and a title. */
export interface ChartGroup {
  /** A file-safe name for the chart, e.g. "real_name" or "real_name-by-position". */
  name: string;
  /** The chart's title: the question's chart title or label. */
  title: string;
  /** The rows the chart draws. */
  rows: Estimate[];
}

/**
 * Splits a survey's whole-sample Estimate rows into the charts a reader expects: the positive
 * answers of binary questions that share a denominator (the same filter) side by side — e.g. the
 * five profile items "among Facebook users" — and each single-choice, Likert or multi-select
 * question on its own chart with all its categories.
 *
 * @param rows - Whole-sample Estimate rows of the survey's questions.
 * @param codebook - The survey's codebook (question types and filters).
 * @param locale - The language of the titles (default "en-US").
 * @returns The charts to draw, each with a file-safe name, a title and its rows.
 *
 * @example
 * ```ts
 * import { chartGroups, loadDataset, reproduce } from "svyprop";
 *
 * const { survey, published } = await loadDataset("moubarak-2009");
 * const groups = chartGroups(reproduce(survey, published).estimates, survey.codebook);
 * groups.map((group) => group.title);
 * // → ["Position", "Respondents answering yes", "Among Facebook users",
 * //    "Changed Facebook default privacy settings", "If a patient sent a friend request"]
 * ```
 */
export function chartGroups(rows: Estimate[], codebook: Codebook, locale: ChartLocale = "en-US"): ChartGroup[] {
  const byId = new Map(codebook.questions.map((q) => [q.id, q]));
  const groups = new Map<string, ChartGroup>();
  for (const question of codebook.questions) {
    const questionRows = rows.filter((row) => row.question === question.id && row.group === undefined);
    if (questionRows.length === 0) continue;
    if (question.type === "binary") {
      const key = question.filter ? `among-${filterName(question.filter, byId)}` : "yes-no-questions";
      const group = groups.get(key) ?? { name: key, title: binaryTitle(question.filter, byId, locale), rows: [] };
      group.rows.push(...questionRows.filter((row) => row.category === "yes"));
      groups.set(key, group);
    } else {
      groups.set(question.id, { name: question.id, title: chartTitleIn(question, locale), rows: questionRows });
    }
  }
  return [...groups.values()];
}

/** A file-safe name of the filter, by category codes (a raw answer "Oui" names the same group as its code "yes"). */
function filterName(filter: Filter, byId: Map<string, Question>): string {
  if ("all" in filter) return filter.all.map((f) => filterName(f, byId)).join("-and-");
  const question = byId.get(filter.question);
  const code = (value: string) => (question && codeOf(question, value)) ?? value;
  const value = "equals" in filter ? code(filter.equals) : "in" in filter ? filter.in.map(code).join("-or-") : "answered";
  return `${filter.question}-${value}`.replace(/[^A-Za-z0-9-]+/g, "-").toLowerCase();
}

interface TitleWords {
  /** Title of the binary questions that have no filter. */
  yes: string;
  /** "Among Facebook users", from the codebook's `respondents` words. */
  amongNamed: (respondents: string) => string;
  /** "Among respondents who answered Yes to “Has a Facebook profile”". */
  among: (conditions: string) => string;
  answered: (answers: string, label: string) => string;
  answeredAny: (label: string) => string;
  and: string;
  or: string;
}

const TITLES: Record<ChartLocale, TitleWords> = {
  "en-US": {
    yes: "Respondents answering yes",
    amongNamed: (respondents) => `Among ${respondents}`,
    among: (conditions) => `Among respondents ${conditions}`,
    answered: (answers, label) => `who answered ${answers} to ${quote(label, "en-US")}`,
    answeredAny: (label) => `who answered ${quote(label, "en-US")}`,
    and: "and",
    or: "or",
  },
  "fr-FR": {
    yes: "Répondants ayant répondu oui",
    amongNamed: (respondents) => `Parmi les ${respondents}`,
    among: (conditions) => `Parmi les répondants ${conditions}`,
    answered: (answers, label) => `ayant répondu ${answers} à ${quote(label, "fr-FR")}`,
    answeredAny: (label) => `ayant répondu à ${quote(label, "fr-FR")}`,
    and: "et",
    or: "ou",
  },
};

/**
 * The title of the binary questions sharing a filter, as a person would write it: "Among Facebook
 * users" when the codebook names those respondents (`respondents`), else the filter in words:
 * "Among respondents who answered Yes to “Has a Facebook profile”".
 */
function binaryTitle(filter: Filter | undefined, byId: Map<string, Question>, locale: ChartLocale): string {
  const words = TITLES[locale];
  if (filter === undefined) return words.yes;
  return namedRespondents(filter, byId, locale) ?? words.among(describeFilter(filter, byId, locale));
}

/** "Facebook users" for a filter on answers the codebook names the respondents of; undefined otherwise. */
function namedRespondents(filter: Filter, byId: Map<string, Question>, locale: ChartLocale): string | undefined {
  if ("all" in filter || "notMissing" in filter) return undefined;
  const question = byId.get(filter.question);
  if (question === undefined) return undefined;
  const wanted = "equals" in filter ? [filter.equals] : filter.in;
  const codes = wanted.map((value) => codeOf(question, value));
  const names = codes.map((code) => (code === undefined ? undefined : respondentsIn(question, code, locale)));
  if (names.some((name) => name === undefined)) return undefined;
  return TITLES[locale].amongNamed(names.join(` ${TITLES[locale].or} `));
}

function describeFilter(filter: Filter, byId: Map<string, Question>, locale: ChartLocale): string {
  const words = TITLES[locale];
  if ("all" in filter) return filter.all.map((f) => describeFilter(f, byId, locale)).join(` ${words.and} `);
  const question = byId.get(filter.question);
  const label = question ? questionLabelIn(question, locale) : filter.question;
  if ("notMissing" in filter) return words.answeredAny(label);
  const wanted = "equals" in filter ? [filter.equals] : filter.in;
  const categories = question ? categoriesIn(question, locale) : [];
  const names = wanted.map((value) => {
    const code = question ? codeOf(question, value) : undefined;
    return categories.find((c) => c.code === code)?.label ?? value;
  });
  return words.answered(names.join(` ${words.or} `), label);
}

/** The category code a filter value names: the code itself, or the category whose raw values hold it. */
function codeOf(question: Question, value: string): string | undefined {
  const categories = questionCategories(question);
  if (categories.some((c) => c.code === value)) return value;
  const index = createAnswerCoder(question)(value);
  return index >= 0 ? categories[index]?.code : undefined;
}

/** “label” in English, « label » in French typography. */
function quote(label: string, locale: ChartLocale): string {
  return locale === "fr-FR" ? `«\u202f${label}\u202f»` : `“${label}”`;
}
