import { questionLabelIn, type Question } from "../codebook";

/** The title of a question's chart in `locale`: its `chartTitle` (translated where the codebook does), else its label. */
export function chartTitleIn(question: Question, locale?: string): string {
  return (locale && question.translations?.[locale]?.chartTitle) || question.chartTitle || questionLabelIn(question, locale);
}

/**
 * What the respondents who gave answer `code` are called in `locale` ("Facebook users"), from the
 * codebook's `respondents` (translated where it does), or undefined when the codebook does not say.
 * A translation never falls back to the English words: a French title would read half English.
 */
export function respondentsIn(question: Question, code: string, locale: string): string | undefined {
  const translated = question.translations?.[locale]?.respondents?.[code];
  if (translated !== undefined) return translated;
  return locale === "en-US" ? question.respondents?.[code] : undefined;
}
