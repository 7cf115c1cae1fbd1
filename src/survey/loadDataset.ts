import type { PublishedFigures } from "./published";
import { readSourceText } from "../load";
import { loadSurvey } from "./loadSurvey";
import type { Survey } from "./types";

/** A dataset shipped with svyprop: its survey, the source's printed figures, and its folder. */
export interface Dataset {
  name: string;
  dir: string;
  survey: Survey;
  published: PublishedFigures;
}

/**
 * Loads a dataset that ships with the package (Node only), e.g. `await loadDataset("moubarak-2009")`.
 */
export async function loadDataset(name: string): Promise<Dataset> {
  const { datasetFiles } = await import("../load/node/findDatasetDir");
  const files = datasetFiles(name);
  const survey = await loadSurvey(files.responses, { codebook: files.codebook });
  const published = JSON.parse(await readSourceText(files.published)) as PublishedFigures;
  return { name, dir: files.dir, survey, published };
}
