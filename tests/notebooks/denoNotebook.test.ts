import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../ensureBuilt";
import { repoRoot } from "../paths";
import { notebookCode } from "./notebookCode";

const notebook = join(repoRoot, "examples", "notebooks", "deno-moubarak.ipynb");
/** Deno from npm: the `deno` package's launcher of the binary it ships. */
const deno = createRequire(import.meta.url).resolve("deno/bin.cjs");

/**
 * Jupyter's side of the Deno kernel, for a notebook run as a script (`Deno.jupyter` exists only
 * inside `deno jupyter`): what the cells display is written to outputs.json.
 */
const JUPYTER_STAND_IN = `const displayed: unknown[] = [];
const jupyter = {
  display: async (bundle: unknown, options: { raw?: boolean }) => { displayed.push({ bundle, raw: options?.raw === true }); },
  md: (strings: TemplateStringsArray, ...values: unknown[]) => { displayed.push({ bundle: { "text/markdown": String.raw(strings, ...values) }, raw: true }); },
};
`;

interface Displayed {
  bundle: Record<string, unknown>;
  raw: boolean;
}

beforeAll(ensureBuilt);

describe("the Deno notebook (examples/notebooks/deno-moubarak.ipynb)", () => {
  it("runs from a folder outside the repository with its npm:svyprop imports, and displays tables and charts", async () => {
    // A folder of its own, where npm:svyprop resolves to this checkout. Nothing is downloaded
    // (--cached-only, with an empty DENO_DIR): Deno uses the node_modules folder as it is, and
    // svyprop's dependencies are found beside the checkout.
    const folder = await mkdtemp(join(tmpdir(), "svyprop-deno-"));
    await mkdir(join(folder, "node_modules"));
    await symlink(repoRoot, join(folder, "node_modules", "svyprop"));
    await writeFile(join(folder, "deno.json"), JSON.stringify({ nodeModulesDir: "manual" }));
    const cells = await notebookCode(notebook);
    const script = `${JUPYTER_STAND_IN}${cells.join("\n")}\nawait Deno.writeTextFile("outputs.json", JSON.stringify(displayed));\n`;
    await writeFile(join(folder, "notebook.ts"), script.replaceAll("Deno.jupyter.", "jupyter."));

    await promisify(execFile)(process.execPath, [deno, "run", "--cached-only", "--allow-read", "--allow-write", "--allow-env", "--allow-ffi", "--allow-sys", "notebook.ts"], {
      cwd: folder,
      env: { ...process.env, DENO_DIR: join(folder, ".deno"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
    });

    const displayed = JSON.parse(await readFile(join(folder, "outputs.json"), "utf8")) as Displayed[];
    expect(displayed.every((output) => output.raw)).toBe(true);
    const charts = displayed.filter((output) => "image/svg+xml" in output.bundle);
    expect(charts).toHaveLength(5);
    for (const { bundle } of charts) {
      expect(bundle["image/svg+xml"]).toMatch(/^<svg[\s\S]*<\/svg>$/);
      expect(bundle["application/vnd.vegalite.v5+json"]).toEqual(bundle["application/vnd.vegalite.v6+json"]);
    }
    const realName = charts[0]!.bundle;
    expect(realName["text/plain"]).toBe("<Vega-Lite chart: Profile displays real name>");
    const spec = realName["application/vnd.vegalite.v6+json"] as { vconcat: { data: { values: { category: string; count: number; base: number }[] } }[] };
    const yes = spec.vconcat[0]!.data.values.find((row) => row.category === "yes")!;
    expect([yes.count, yes.base]).toEqual([138, 140]);
    expect(charts[2]!.bundle["image/svg+xml"]).toContain("Chefs de clinique");
    const tables = displayed.filter((output) => "text/markdown" in output.bundle);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.bundle["text/markdown"]).toContain("| Would automatically decline | 152 / 178 | 85% |");
    expect([...(await readFile(join(folder, "privacy.png"))).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
