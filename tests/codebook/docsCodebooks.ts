import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../paths";

/** The ```json blocks of docs/codebook.md, parsed, in document order. */
export function docsJsonBlocks(): unknown[] {
  const text = readFileSync(join(repoRoot, "docs", "codebook.md"), "utf8");
  return [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] as string));
}

/** The first ```csv block of docs/codebook.md: the five respondents its examples share. */
export function docsCsv(): string {
  const text = readFileSync(join(repoRoot, "docs", "codebook.md"), "utf8");
  return /```csv\n([\s\S]*?)```/.exec(text)?.[1] as string;
}

const yesNo = { type: "binary", positive: ["yes"], negative: ["no"] };

/**
 * Each docs block as a whole codebook: a codebook as it is, a question alone wrapped in one,
 * a filter alone set on a question of a codebook that has the questions it names.
 */
export function docsCodebooks(): Array<[string, Record<string, unknown>]> {
  return docsJsonBlocks().map((block, index) => {
    const value = block as Record<string, unknown>;
    const name = `docs/codebook.md block ${index + 1}`;
    if ("questions" in value) return [name, value];
    if ("id" in value) return [name, { questions: [value] }];
    return [name, {
      questions: [
        { id: "facebook", column: "fb", ...yesNo },
        { id: "position", column: "position", type: "single", categories: [{ code: "resident", label: "Resident", values: ["resident"] }] },
        { id: "item", column: "item", ...yesNo, filter: value },
      ],
    }];
  });
}

/** Every codebook file of the repository: the shipped data, the examples and the test fixtures. */
export function repositoryCodebooks(): Array<[string, unknown]> {
  const files = [
    ...readdirSync(join(repoRoot, "data")).map((name) => join("data", name, "codebook.json")),
    ...readdirSync(join(repoRoot, "examples"), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith("codebook.json"))
      .map((name) => join("examples", name)),
    ...readdirSync(join(repoRoot, "tests", "fixtures"))
      .filter((name) => name.endsWith("codebook.json"))
      .map((name) => join("tests", "fixtures", name)),
  ];
  return files.map((file) => [file, JSON.parse(readFileSync(join(repoRoot, file), "utf8"))]);
}
