import { questionLabelIn, type Question } from "../codebook";

/**
 * The title of a question's chart in `locale`: its `chartTitle` (translated where the codebook does), else its label.
 *
 * @param question - The codebook question.
 * @param locale - The language, e.g. "fr-FR" (default: the codebook's own words).
 * @returns The chart's title.
 *
 * @example
 * ```ts
 * import { chartTitleIn, loadDataset } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const question = survey.codebook.questions.find((q) => q.id === "real_name")!;
 * chartTitleIn(question); // → "Profile displays real name"
 * chartTitleIn(question, "fr-FR"); // → "Le profil montre le vrai nom"
 * ```
 */
export function chartTitleIn(question: Question, locale?: string): string {
  return (locale && question.translations?.[locale]?.chartTitle) || question.chartTitle || questionLabelIn(question, locale);
}

/**
 * What the respondents who gave answer `code` are called in `locale` ("Facebook users"), from the
 * codebook's `respondents` (translated where it does), or undefined when the codebook does not say.
 * A translation never falls back to the English words: a French title would read half English.
 *
 * @param question - The codebook question.
 * @param code - The answer's category code, e.g. "yes".
 * @param locale - The language, e.g. "en-US" or "fr-FR".
 * @returns The plural noun phrase, or undefined.
 *
 * @example
 * ```ts
 * import { loadDataset, respondentsIn } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * const facebook = survey.codebook.questions.find((q) => q.id === "facebook")!;
 * respondentsIn(facebook, "yes", "en-US"); // → "Facebook users"
 * respondentsIn(facebook, "yes", "fr-FR"); // → "utilisateurs de Facebook"
 * ```
 */
export function respondentsIn(question: Question, code: string, locale: string): string | undefined {
  const translated = question.translations?.[locale]?.respondents?.[code];
  if (translated !== undefined) return translated;
  return locale === "en-US" ? question.respondents?.[code] : undefined;
}
