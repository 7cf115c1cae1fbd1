import { parseCodebook, type Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { readSourceText, readTable, type ReadTableOptions, type Source } from "../load";
import { surveyFromTable, type SurveyOptions } from "./surveyFromTable";
import type { Survey } from "./types";

/** `delimiter`, `encoding`, `format` (qualtrics, limesurvey, redcap) and `maxBytes` are read by `readTable`. */
export interface LoadSurveyOptions extends SurveyOptions, ReadTableOptions {
  /** The codebook: an object, its JSON text, or the path or URL of its JSON file. */
  codebook: Codebook | string | URL;
}

/**
 * Loads a survey: reads the source (path, CSV text, URL, bytes or stream) into a table (see
 * `readTable` for encodings, delimiters and platform exports), checks
 * the codebook against it and codes every answer. See `surveyFromTable` for what happens to
 * bad rows.
 *
 * @example
 * const survey = await loadSurvey("data/moubarak-2009/responses.csv", {
 *   codebook: "data/moubarak-2009/codebook.json",
 * });
 */
export async function loadSurvey(source: Source, options: LoadSurveyOptions): Promise<Survey> {
  const codebook = await resolveCodebook(options.codebook);
  const table = await readTable(source, options);
  return surveyFromTable(table, codebook, options);
}

/** A codebook object, its JSON text, or the path/URL of its JSON file. */
export async function resolveCodebook(codebook: Codebook | string | URL): Promise<Codebook> {
  if (typeof codebook !== "string" && !(codebook instanceof URL)) return parseCodebook(codebook);
  const isJsonText = typeof codebook === "string" && codebook.trimStart().startsWith("{");
  const text = isJsonText ? (codebook as string) : await readSourceText(codebook);
  try {
    return parseCodebook(JSON.parse(text));
  } catch (error) {
    if (error instanceof SurveyError) throw error;
    throw new SurveyError("E_CODEBOOK", `the codebook is not valid JSON: ${(error as Error).message}`, {
      ...(isJsonText ? {} : { value: String(codebook) }),
    });
  }
}
