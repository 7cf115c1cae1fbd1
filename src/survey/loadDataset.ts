import type { PublishedFigures } from "./published";
import { readSourceText } from "../load";
import { loadSurvey } from "./loadSurvey";
import type { Survey } from "./types";

/** A dataset shipped with svyprop: its survey, the source's printed figures, and its folder. */
export interface Dataset {
  /** The dataset's name, e.g. "moubarak-2009". */
  name: string;
  /** Its folder (responses.csv, codebook.json, published.json, README.md). */
  dir: string;
  /** Its survey, loaded. */
  survey: Survey;
  /** The source's printed figures. */
  published: PublishedFigures;
}

/**
 * Loads a dataset that ships with the package (Node only), e.g. `await loadDataset("moubarak-2009")`.
 *
 * @param name - The dataset's name: "moubarak-2009".
 * @returns The survey, the printed figures and the folder.
 * @throws {@link SurveyError} `E_ARGUMENT` for an unknown dataset.
 *
 * @example
 * ```ts
 * import { loadDataset } from "svyprop";
 *
 * const { survey, published } = await loadDataset("moubarak-2009");
 * survey.rowCount; // → 202
 * published.doi; // → "10.1136/jme.2010.036293"
 * ```
 */
export async function loadDataset(name: string): Promise<Dataset> {
  const { datasetFiles } = await import("../load/node/findDatasetDir");
  const files = datasetFiles(name);
  const survey = await loadSurvey(files.responses, { codebook: files.codebook });
  const published = JSON.parse(await readSourceText(files.published)) as PublishedFigures;
  return { name, dir: files.dir, survey, published };
}
