import { readFile } from "node:fs/promises";

/** The code cells of a Jupyter notebook, in order, each as one string. */
export async function notebookCode(path: string): Promise<string[]> {
  const notebook = JSON.parse(await readFile(path, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
  return notebook.cells.filter((cell) => cell.cell_type === "code").map((cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source));
}
