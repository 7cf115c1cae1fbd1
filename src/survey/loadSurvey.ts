import { parseCodebook, type Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { parseCsv, readSourceText, type Encoding, type Source } from "../load";
import { surveyFromTable, type SurveyOptions } from "./surveyFromTable";
import type { Survey } from "./types";

export interface LoadSurveyOptions extends SurveyOptions {
  /** The codebook: an object, its JSON text, or the path or URL of its JSON file. */
  codebook: Codebook | string | URL;
  /** Field delimiter; sniffed among `,` `;` tab when omitted. */
  delimiter?: string;
  /** Text encoding; UTF-8, falling back to Windows-1252, when omitted. */
  encoding?: Encoding;
}

/**
 * Loads a survey: reads the source (path, CSV text, URL, bytes or stream), parses it, checks
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
  const table = parseCsv(await readSourceText(source, options.encoding), {
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
  });
  return surveyFromTable(table, codebook, options);
}

/** A codebook object, its JSON text, or the path/URL of its JSON file. */
async function resolveCodebook(codebook: Codebook | string | URL): Promise<Codebook> {
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
