import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../paths";

const OFFICE_LIBRARIES = ["exceljs", "pdfkit", "svg-to-pdfkit", "pptxgenjs", "jszip"];
const src = join(repoRoot, "src");

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat().filter((file) => file.endsWith(".ts"));
}

/** Module specifiers a file loads at import time (static `import … from` and `export … from`, type-only imports excluded). */
function staticImports(code: string): string[] {
  return [...code.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gms)].map((match) => match[1]!);
}

describe("the office libraries stay out of the core", () => {
  it("are imported only by src/office, and there only dynamically, when a writer is called", async () => {
    for (const file of await sourceFiles(src)) {
      const code = await readFile(file, "utf8");
      const name = relative(src, file);
      for (const specifier of staticImports(code)) expect(OFFICE_LIBRARIES, `${name} imports ${specifier}`).not.toContain(specifier);
      const dynamic = [...code.matchAll(/import\("([^"]+)"\)/g)].map((match) => match[1]!).filter((specifier) => OFFICE_LIBRARIES.includes(specifier));
      if (!name.startsWith("office/")) expect(dynamic, name).toEqual([]);
    }
  });

  it("src/office is reached from the core entry by no import, and from the CLI only by dynamic import", async () => {
    for (const file of await sourceFiles(src)) {
      const name = relative(src, file);
      if (name.startsWith("office/")) continue;
      const staticOffice = staticImports(await readFile(file, "utf8")).filter((specifier) => /(^|\/)office(\/|$)/.test(specifier));
      expect(staticOffice, name).toEqual([]);
    }
  });
});
