import type { Config } from "vega-lite";

/** The locales every chart and report can be written in. */
export type ChartLocale = "en-US" | "fr-FR";

/** Separators and words of one locale: everything a chart or table writes that is not data. */
export interface LocaleTexts {
  /** Decimal separator: "." or ",". */
  decimal: string;
  /** What stands between a number and "%": nothing in English, a narrow no-break space (U+202F) in French. */
  percentSpace: string;
  /** Between the two limits of an interval: an en dash. */
  rangeDash: string;
  /** "95% CI" / "IC 95 %", given the level already written as a percentage ("95"). */
  intervalName: (levelPercent: string) => string;
  /** "n = 140". */
  baseText: (base: number) => string;
  /** "Source: …" / "Source : …". */
  sourceText: (source: string) => string;
  /** Caption line about the error bars. */
  errorBarNote: (intervalName: string, method: string) => string;
  /** Caption sentence for weighted rows: the percentages are weighted, the n are not. */
  weightedNote: string;
  /** Caption line for a multi-select question. */
  multiSelectNote: string;
  /** Caption line when the bars have several bases (each label then carries its own). */
  basesVaryNote: string;
  percentAxisTitle: string;
  /** Legend title for the answer categories of a stacked or Likert chart. */
  answerTitle: string;
  /** Legend title for subgroups when rows carry no group name. */
  groupTitle: string;
  /** Appended to the method when the intervals carry a finite-population correction. */
  finitePopulationNote: string;
  /** Axis title of a chart of means. */
  meanAxisTitle: string;
  /** How a mean's interval is computed, for the error-bar note. */
  meanIntervalMethod: string;
  /** Display names of the interval methods of `stats/proportionCI`. */
  methodNames: Record<string, string>;
}

/** A narrow no-break space: the French typographic space before "%" and ":" (as CLDR and d3-format write it). */
const NARROW_NO_BREAK_SPACE = "\u202f";

const METHOD_NAMES_EN: Record<string, string> = {
  wald: "Wald",
  wilson: "Wilson",
  "wilson-cc": "Wilson with continuity correction",
  "agresti-coull": "Agresti–Coull",
  "clopper-pearson": "Clopper–Pearson",
  jeffreys: "Jeffreys",
  logit: "logit",
};

const METHOD_NAMES_FR: Record<string, string> = {
  ...METHOD_NAMES_EN,
  "wilson-cc": "Wilson avec correction de continuité",
};

const LOCALES: Record<ChartLocale, LocaleTexts> = {
  "en-US": {
    decimal: ".",
    percentSpace: "",
    rangeDash: "–",
    intervalName: (level) => `${level}% CI`,
    baseText: (base) => `n = ${base}`,
    sourceText: (source) => `Source: ${source}`,
    errorBarNote: (interval, method) => `Error bars: ${interval} (${method}).`,
    weightedNote: "Weighted percentages; n is the unweighted number of respondents.",
    multiSelectNote: "Several answers were allowed: the shares may add up to more than 100%.",
    basesVaryNote: "Bases (n) differ and are shown in the labels.",
    percentAxisTitle: "Percent of respondents",
    finitePopulationNote: "finite-population corrected",
    answerTitle: "Answer",
    groupTitle: "Group",
    meanAxisTitle: "Mean",
    meanIntervalMethod: "mean ± t·SE, t on the design's degrees of freedom",
    methodNames: METHOD_NAMES_EN,
  },
  "fr-FR": {
    decimal: ",",
    percentSpace: NARROW_NO_BREAK_SPACE,
    rangeDash: "–",
    intervalName: (level) => `IC ${level}${NARROW_NO_BREAK_SPACE}%`,
    baseText: (base) => `n = ${base}`,
    sourceText: (source) => `Source${NARROW_NO_BREAK_SPACE}: ${source}`,
    errorBarNote: (interval, method) => `Barres d’erreur${NARROW_NO_BREAK_SPACE}: ${interval} (${method}).`,
    weightedNote: `Pourcentages pondérés${NARROW_NO_BREAK_SPACE}; n${NARROW_NO_BREAK_SPACE}: nombre de répondants, non pondéré.`,
    multiSelectNote: `Plusieurs réponses possibles${NARROW_NO_BREAK_SPACE}: le total peut dépasser 100${NARROW_NO_BREAK_SPACE}%.`,
    basesVaryNote: "Les bases (n) diffèrent et figurent dans les libellés.",
    percentAxisTitle: "Pourcentage des répondants",
    finitePopulationNote: "corrigé pour population finie",
    answerTitle: "Réponse",
    groupTitle: "Groupe",
    meanAxisTitle: "Moyenne",
    meanIntervalMethod: "moyenne ± t·ET, t aux degrés de liberté du plan de sondage",
    methodNames: METHOD_NAMES_FR,
  },
};

/** The words and separators of `locale`. */
export function localeTexts(locale: ChartLocale): LocaleTexts {
  return LOCALES[locale];
}

/** Display name of an interval method ("clopper-pearson" → "Clopper–Pearson"); unknown methods as given. */
export function methodName(method: string, locale: ChartLocale): string {
  const names = LOCALES[locale].methodNames;
  return Object.hasOwn(names, method) ? (names[method] as string) : method;
}

/** The d3-format number locale that Vega uses for axis ticks, so "50%" reads "50 %" in French. */
export function vegaNumberLocale(locale: ChartLocale): NonNullable<Config["locale"]>["number"] {
  const texts = LOCALES[locale];
  return {
    decimal: texts.decimal,
    thousands: locale === "fr-FR" ? NARROW_NO_BREAK_SPACE : ",",
    grouping: [3],
    currency: locale === "fr-FR" ? ["", `${NARROW_NO_BREAK_SPACE}€`] : ["$", ""],
    percent: `${texts.percentSpace}%`,
  };
}
