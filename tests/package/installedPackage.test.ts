import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import { repoRoot } from "../paths";
import { ensureBuilt } from "../ensureBuilt";

/**
 * svyprop as a newcomer gets it: `npm pack`, the tarball installed in an empty project (its
 * dependencies come from npm's cache where it has them), and the README's snippets, its walkthrough and the
 * examples run there — nothing may reach into the repository's src/ or data/.
 */
const work = mkdtempSync(join(tmpdir(), "svyprop-package-"));
const project = join(work, "project");
let packedFiles: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: repoRoot, encoding: "utf8" }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const tarball = packed[0]!;
  packedFiles = tarball.files.map((file) => file.path);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "fresh-project", private: true, type: "module" }));
  // The DuckDB example needs its optional engine, as a user would add it (a devDependency of svyprop, linked from here).
  execFileSync(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", join(work, tarball.filename), join(repoRoot, "node_modules", "@duckdb", "node-api")],
    { cwd: project, stdio: "pipe" },
  );
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const tsx = join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
const run = (command: string, args: string[], cwd = project) => spawnSync(command, args, { cwd, encoding: "utf8" });
const svyprop = (...args: string[]) => run(process.execPath, [join(project, "node_modules", ".bin", "svyprop"), ...args], walkthrough);

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
const walkthrough = join(project, "own-survey");
const examples = join(project, "examples");

/** A module to run: its file, the folder it expects to run in, and its command-line arguments. */
interface Script {
  name: string;
  file: string;
  cwd: string;
  args?: string[];
}

/**
 * Runs the scripts one after the other in one tsx process (vega loads once: one process per
 * script would take minutes on a busy machine), each from its own folder and with its own
 * arguments, and returns each one's output, or its error.
 */
function runScripts(scripts: Script[]): Map<string, string> {
  const runner = join(project, "run-scripts.ts");
  writeFileSync(
    runner,
    [
      `const scripts = ${JSON.stringify(scripts)};`,
      "for (const script of scripts) {",
      "  process.chdir(script.cwd);",
      "  process.argv = [process.argv[0], script.file, ...(script.args ?? [])];",
      "  console.log(`<<<${script.name}>>>`);",
      "  try { await import(script.file); } catch (error) { console.log(`FAILED: ${(error as Error).stack}`); }",
      "}",
    ].join("\n"),
  );
  const result = run(process.execPath, [tsx, runner]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const outputs = new Map<string, string>();
  const parts = result.stdout.split(/^<<<(.+)>>>$/m); // [before, name, output, name, output, …]
  for (let i = 1; i < parts.length; i += 2) outputs.set(parts[i] as string, parts[i + 1] ?? "");
  return outputs;
}

describe("the packed package", () => {
  it("holds the built library, the CLI, the shipped data and the codebook schema, and no sources, tests or source maps", () => {
    expect(packedFiles).toEqual(expect.arrayContaining([
      "dist/index.js", "dist/index.cjs", "dist/render.js", "dist/cli.js", "dist/tallyWorker.js", "dist/renderWorker.js", "dist/browser/index.js", "dist/browser/render.js",
      "data/moubarak-2009/responses.csv", "data/moubarak-2009/codebook.json", "codebook.schema.json", "README.md",
    ]));
    expect(packedFiles.filter((path) => path.startsWith("src/") || path.startsWith("tests/"))).toEqual([]);
    expect(packedFiles.filter((path) => path.endsWith(".map"))).toEqual([]);
  });

  it("resolves svyprop/codebook.schema.json, and the shipped codebook's $schema points to it", () => {
    const resolved = run(process.execPath, ["--input-type=module", "-e", 'console.log(import.meta.resolve("svyprop/codebook.schema.json"))']);
    expect(resolved.stdout.trim()).toMatch(/node_modules\/svyprop\/codebook\.schema\.json$/);
    const shipped = join(project, "node_modules", "svyprop", "data", "moubarak-2009");
    const { $schema } = JSON.parse(readFileSync(join(shipped, "codebook.json"), "utf8")) as { $schema: string };
    expect(existsSync(join(shipped, $schema))).toBe(true);
  });
});

describe("the README and the examples, run in a fresh project", () => {
  let outputs = new Map<string, string>();
  beforeAll(() => {
    cpSync(join(repoRoot, "examples"), examples, { recursive: true, filter: (source) => !source.endsWith(".png") });
    mkdirSync(walkthrough, { recursive: true });
    for (const file of ["staff-survey.csv", "codebook.json"]) cpSync(join(repoRoot, "examples", "own-survey", file), join(walkthrough, file));
    const readmeScripts = snippets.map((snippet, index) => {
      const file = join(walkthrough, `readme-snippet-${index + 1}.ts`);
      writeFileSync(file, snippet);
      return { name: `README snippet ${index + 1}`, file, cwd: walkthrough };
    });
    outputs = runScripts([
      ...readmeScripts,
      { name: "quick-start", file: join(examples, "quick-start.ts"), cwd: project },
      { name: "reproduce-moubarak", file: join(examples, "reproduce-moubarak.ts"), cwd: project, args: [join(work, "example-out")] },
      { name: "analyse", file: join(examples, "own-survey", "analyse.ts"), cwd: join(examples, "own-survey") },
      { name: "duckdb-counts", file: join(examples, "duckdb-counts.ts"), cwd: project, args: [join(walkthrough, "staff-survey.csv"), join(walkthrough, "codebook.json")] },
      { name: "figures", file: join(examples, "figures", "generate.ts"), cwd: project },
    ]);
  }, 300_000);

  it("has TypeScript snippets, each importing svyprop, and examples that never import the repository's sources", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(5);
    for (const snippet of snippets) expect(snippet).toMatch(/from "svyprop"/);
    for (const file of ["quick-start.ts", "reproduce-moubarak.ts", "moubarakEstimates.ts", "duckdb-counts.ts", "figures/generate.ts", "own-survey/analyse.ts"]) {
      expect(readFileSync(join(examples, file), "utf8")).not.toMatch(/from "(\.\.\/)+src/);
    }
  });

  it("runs every README snippet; the ten lines print 138 / 140 and write their chart", () => {
    snippets.forEach((snippet, index) => {
      const output = outputs.get(`README snippet ${index + 1}`);
      expect(output, `README snippet ${index + 1}`).toBeDefined();
      expect(output).not.toContain("FAILED");
      if (snippet.includes('loadDataset("moubarak-2009")')) {
        expect(output).toContain("| Profile displays real name | Yes | 138 / 140 | 99% | 96–100 |");
      }
      if (snippet.includes("staff-survey.csv")) expect(output).toContain("| If a patient sent a friend request | Would refuse | 20 / 28 | 71% |");
    });
    expect(readFileSync(join(walkthrough, "real-name.svg"), "utf8")).toContain("Real name on profile");
  });

  it("runs every example", () => {
    for (const name of ["quick-start", "reproduce-moubarak", "analyse", "duckdb-counts", "figures"]) {
      expect(outputs.get(name), name).toBeDefined();
      expect(outputs.get(name), name).not.toContain("FAILED");
    }
    expect(outputs.get("quick-start")).toContain("| Profile displays real name | Yes | 138 / 140 | 99% | 96–100 |");
    expect(outputs.get("reproduce-moubarak")).toContain("All published figures reproduced.");
    expect(outputs.get("analyse")).toContain("| If a patient sent a friend request | Would refuse | 20 / 28 | 71% |");
    expect(readFileSync(join(examples, "own-survey", "patient-request.svg"), "utf8")).toContain("Refuserait");
    expect(existsSync(join(examples, "figures", "bar-profile-en.png"))).toBe(true);
  });

  it("walks through your own survey: codebook, estimate, report", () => {
    const proposed = svyprop("codebook", "staff-survey.csv");
    expect(proposed.status).toBe(0);
    expect(parseCodebook(JSON.parse(proposed.stdout)).questions.length).toBeGreaterThan(0);

    const estimated = svyprop("estimate", "staff-survey.csv", "--codebook", "codebook.json", "--question", "facebook", "--question", "real_name", "--question", "patient_request");
    expect(estimated.status).toBe(0);
    const shown = /\$ npx svyprop estimate staff-survey\.csv[^\n]*\n([\s\S]*?)```/.exec(readme)?.[1] as string;
    expect(shown).toBeDefined();
    expect(`${estimated.stdout}${estimated.stderr}`.replace(/\|\n?(?=\d+ rows read)/, "|\n")).toBe(shown);

    const report = svyprop("report", "staff-survey.csv", "--codebook", "codebook.json", "--out", "report.html");
    expect(report.status).toBe(0);
    expect(readFileSync(join(walkthrough, "report.html"), "utf8")).toContain("Would refuse");
  }, 120_000);

  it("reproduces the Moubarak figures with the README's first command", () => {
    const result = svyprop("reproduce", "moubarak-2009", "--out", join(work, "out"));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("| Had a Facebook profile | 147 / 202 | 73% (");
  }, 120_000);
});
