import { categoriesIn, questionLabelIn, type Codebook, type Filter, type Question } from "../codebook";
import type { Estimate } from "../types";
import type { ChartLocale } from "./locale";

/** Estimate rows that belong in one chart, with a file-safe name and a title. */
export interface ChartGroup {
  name: string;
  title: string;
  rows: Estimate[];
}

/**
 * Splits a survey's whole-sample Estimate rows into the charts a reader expects: the positive
 * answers of binary questions that share a denominator (the same filter) side by side — e.g. the
 * five profile items "among Facebook users" — and each single-choice, Likert or multi-select
 * question on its own chart with all its categories.
 */
export function chartGroups(rows: Estimate[], codebook: Codebook, locale: ChartLocale = "en-US"): ChartGroup[] {
  const byId = new Map(codebook.questions.map((q) => [q.id, q]));
  const groups = new Map<string, ChartGroup>();
  for (const question of codebook.questions) {
    const questionRows = rows.filter((row) => row.question === question.id && row.group === undefined);
    if (questionRows.length === 0) continue;
    if (question.type === "binary") {
      const key = question.filter ? `among-${filterName(question.filter)}` : "yes-no-questions";
      const group = groups.get(key) ?? { name: key, title: binaryTitle(question.filter, byId, locale), rows: [] };
      group.rows.push(...questionRows.filter((row) => row.category === "yes"));
      groups.set(key, group);
    } else {
      groups.set(question.id, { name: question.id, title: questionLabelIn(question, locale), rows: questionRows });
    }
  }
  return [...groups.values()];
}

function filterName(filter: Filter): string {
  if ("all" in filter) return filter.all.map(filterName).join("-and-");
  const value = "equals" in filter ? filter.equals : "in" in filter ? filter.in.join("-or-") : "answered";
  return `${filter.question}-${value}`.replace(/[^A-Za-z0-9-]+/g, "-").toLowerCase();
}

const TITLES: Record<ChartLocale, { yes: string; among: (condition: string) => string; and: string; or: string; answered: string }> = {
  "en-US": { yes: "Respondents answering yes", among: (c) => `Among respondents with ${c}`, and: "and", or: "or", answered: "an answer to" },
  "fr-FR": { yes: "Répondants ayant répondu oui", among: (c) => `Parmi les répondants avec ${c}`, and: "et", or: "ou", answered: "une réponse à" },
};

function binaryTitle(filter: Filter | undefined, byId: Map<string, Question>, locale: ChartLocale): string {
  const words = TITLES[locale];
  return filter === undefined ? words.yes : words.among(describeFilter(filter, byId, locale));
}

function describeFilter(filter: Filter, byId: Map<string, Question>, locale: ChartLocale): string {
  const words = TITLES[locale];
  if ("all" in filter) return filter.all.map((f) => describeFilter(f, byId, locale)).join(` ${words.and} `);
  const question = byId.get(filter.question);
  const label = question ? questionLabelIn(question, locale) : filter.question;
  if ("notMissing" in filter) return `${words.answered} ${quote(label, locale)}`;
  const wanted = "equals" in filter ? [filter.equals] : filter.in;
  const categories = question ? categoriesIn(question, locale) : [];
  const names = wanted.map((code) => categories.find((c) => c.code === code)?.label ?? code);
  return `${quote(label, locale)}${locale === "fr-FR" ? "\u202f" : ""}: ${names.join(` ${words.or} `)}`;
}

/** “label” in English, « label » in French typography. */
function quote(label: string, locale: ChartLocale): string {
  return locale === "fr-FR" ? `«\u202f${label}\u202f»` : `“${label}”`;
}
