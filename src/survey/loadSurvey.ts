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
 * @param source - The CSV: a file path, CSV text (a string with a line break), a URL, bytes, or a stream of chunks.
 * @param options - The codebook (object, JSON text, or path or URL of its file), and the reading
 *   options (`delimiter`, `encoding`, `format`, `maxBytes`) and coding options of `surveyFromTable`.
 * @returns The survey: its checked codebook, design, coded answers and validation report.
 * @throws {@link SurveyError} naming the row, column and value of what could not be read.
 *
 * @example
 * ```ts
 * import { join } from "node:path";
 * import { loadDataset, loadSurvey } from "svyprop";
 *
 * // The folder of the dataset shipped with svyprop; your own files work the same way.
 * const { dir } = await loadDataset("moubarak-2009");
 * const survey = await loadSurvey(join(dir, "responses.csv"), { codebook: join(dir, "codebook.json") });
 * survey.rowCount; // → 202
 * ```
 */
export async function loadSurvey(source: Source, options: LoadSurveyOptions): Promise<Survey> {
  const codebook = await resolveCodebook(options.codebook);
  const table = await readTable(source, options);
  return surveyFromTable(table, codebook, options);
}

/**
 * A codebook object, its JSON text, or the path/URL of its JSON file.
 *
 * @param codebook - The codebook object, its JSON text, or the path or URL of its file.
 * @returns The codebook, checked (`parseCodebook`).
 * @throws {@link SurveyError} `E_CODEBOOK` for a bad codebook, `E_IO` for a file that cannot be read.
 *
 * @example
 * ```ts
 * import { resolveCodebook } from "svyprop";
 *
 * const codebook = await resolveCodebook('{ "questions": [{ "id": "fb", "column": "fb", "type": "binary", "positive": ["Oui"], "negative": ["Non"] }] }');
 * codebook.questions[0]?.id; // → "fb"
 * ```
 */
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
