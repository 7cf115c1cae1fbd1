import type { ChartLocale } from "../charts";
import type { Encoding } from "../load";
import { didYouMean } from "./didYouMean";
import { UsageError } from "./usageError";

/**
 * The options that mean the same thing in every command that takes them, declared once so that
 * a command takes them by name (`...sharedOptions("quiet", "json")`) instead of redeclaring them.
 * Defaults live with their readers (`localeOption`), not here, so `--help` and parsing agree.
 */
export const SHARED_OPTIONS = {
  /** Results only: no notes, summaries or progress. */
  quiet: { type: "boolean" },
  /** Machine-readable output on stdout (stable keys). */
  json: { type: "boolean" },
  /** en-US or fr-FR: number formats and the codebook's translations. */
  locale: { type: "string" },
  /** The confidence level of every interval, e.g. 0.95. */
  level: { type: "string" },
  /** The interval method. */
  method: { type: "string" },
  /** Stop at the first bad row or warning (a question left without an estimate): exit 3. */
  strict: { type: "boolean" },
  /** The survey file's text encoding (utf-8, windows-1252 or latin1), when its bytes do not say. */
  encoding: { type: "string" },
  /** Where to write the output (a file, or a folder for `reproduce`). */
  out: { type: "string" },
} as const;

export type SharedOptionName = keyof typeof SHARED_OPTIONS;

/** The named shared options, as a command's `options` spreads them. */
export function sharedOptions<const K extends SharedOptionName>(...names: K[]): Pick<typeof SHARED_OPTIONS, K> {
  return Object.fromEntries(names.map((name) => [name, SHARED_OPTIONS[name]])) as Pick<typeof SHARED_OPTIONS, K>;
}

const LOCALES: readonly ChartLocale[] = ["en-US", "fr-FR"];

/** The `--locale` value (en-US when absent); any other value is a usage error listing the locales. */
export function localeOption(value: string | undefined): ChartLocale {
  if (value === undefined) return "en-US";
  if ((LOCALES as readonly string[]).includes(value)) return value as ChartLocale;
  throw new UsageError(`--locale must be ${LOCALES.join(" or ")} (got "${value}")${didYouMean(value, LOCALES)}`);
}

/** Encodings `--encoding` takes: latin1 (ISO-8859-1) is read as its superset Windows-1252. */
export const ENCODING_NAMES: Readonly<Record<string, Encoding>> = { "utf-8": "utf-8", "windows-1252": "windows-1252", latin1: "windows-1252" };

/**
 * The `--encoding` value as `loadSurvey` / `tallyFile` options: nothing when absent (the bytes
 * decide, see `chooseEncoding`); any other name is a usage error listing the encodings.
 */
export function encodingOption(value: string | undefined): { encoding?: Encoding } {
  if (value === undefined) return {};
  const encoding = Object.hasOwn(ENCODING_NAMES, value) ? ENCODING_NAMES[value] : undefined;
  const names = Object.keys(ENCODING_NAMES);
  if (encoding === undefined) throw new UsageError(`--encoding must be one of ${names.join(", ")} (got "${value}")${didYouMean(value, names)}`);
  return { encoding };
}
