import { describe, expect, it } from "vitest";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { docExamples } from "./docComments";
import { codeBlocks, runnableExample } from "./runnableExample";
import { mismatches, parseShown } from "./shownValue";

// Every `@example` in src/ is run as a user would run it (importing "svyprop", "svyprop/render",
// "svyprop/office", rewritten to the source entries), and every value it shows in a `// → …`
// comment is compared with the value the code computes (numbers to the digits shown).
const examples = docExamples();
const scratch = join(__dirname, ".examples");
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });

interface Report {
  line: number;
  problems: string[];
}
const reports: Report[] = [];
(globalThis as { __docCheck?: unknown }).__docCheck = (actual: unknown, shownText: string, line: number) => {
  reports.push({ line, problems: mismatches(actual, parseShown(shownText)) });
};

describe("doc comment examples", () => {
  it("finds the examples", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples.map((example) => [`${example.owner} (${example.file}:${example.line})`, example] as const))(
    "%s runs and shows what it computes",
    async (_name, example) => {
      const blocks = codeBlocks(example.text);
      expect(blocks, "an @example is a ```ts code block").not.toHaveLength(0);
      for (const [index, block] of blocks.entries()) {
        const { module, shown } = runnableExample(block);
        expect(shown.length, "an example shows at least one result with // →").toBeGreaterThan(0);
        const file = join(scratch, `${example.owner}-${example.line}-${index}.ts`);
        writeFileSync(file, module);
        reports.length = 0;
        await import(pathToFileURL(file).href);
        expect(reports.map((report) => report.line)).toEqual(shown.map((result) => result.line));
        expect(reports.flatMap((report) => report.problems.map((problem) => `line ${report.line}: ${problem}`))).toEqual([]);
      }
    },
  );
});
