import { existsSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/command";
import { openOutputFolder, safeFileName, writeOutputFile } from "../../src/cli/outputFile";
import { runCli } from "../../src/cli/run";
import { findDatasetDir } from "../../src/load/node/findDatasetDir";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

const data = join(repoRoot, "data", "moubarak-2009");
const csv = join(data, "responses.csv");
const codebook = join(data, "codebook.json");
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "svyprop-output-"));
});

async function svyprop(...args: string[]) {
  const io = captureIO();
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** A folder this process cannot write in: /sys for root (who ignores file modes), else a folder made read-only. */
async function readOnlyFolder(): Promise<string> {
  if (process.getuid?.() === 0) return "/sys";
  const folder = await mkdtemp(join(tmpdir(), "svyprop-readonly-"));
  await import("node:fs/promises").then(({ chmod }) => chmod(folder, 0o555));
  return folder;
}

describe("what svyprop writes", () => {
  it("refuses an --out extension the command cannot write (report r.pdf wrote HTML before it wrote PDF), exit 2", async () => {
    const path = join(out, "r.docx");
    const result = await svyprop("report", csv, "--codebook", codebook, "--out", path);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain(`--out "${path}" is a .docx file, which svyprop report cannot write; it writes .html, .pdf, .xlsx, .md, .csv, .json`);
    expect(existsSync(path)).toBe(false);
    const chart = await svyprop("chart", csv, "--codebook", codebook, "--question", "facebook", "--out", join(out, "c.json"));
    expect(chart.err).toContain("it writes .vl.json, .svg, .png");
    const disagree = await svyprop("chart", csv, "--codebook", codebook, "--question", "facebook", "--format", "svg", "--out", join(out, "c.png"));
    expect(disagree.code).toBe(ExitCode.usage);
    expect(disagree.err).toContain("ends in .png but --format is svg");
  });

  it("reports --out in a missing folder, on a folder, or in a read-only folder as E_IO naming the path, exit 3", async () => {
    const missing = join(out, "no-such-folder", "r.html");
    const inMissing = await svyprop("report", csv, "--codebook", codebook, "--out", missing, "--question", "facebook");
    expect(inMissing.code).toBe(ExitCode.badInput);
    expect(inMissing.err).toContain(`E_IO: cannot write the output: the folder "${join(out, "no-such-folder")}" does not exist (file "${missing}")`);
    const onFolder = await svyprop("chart", csv, "--codebook", codebook, "--question", "facebook", "--format", "svg", "--out", out);
    expect(onFolder.code).toBe(ExitCode.badInput);
    expect(onFolder.err).toContain(`E_IO: cannot write the output: it is a folder; give a file name inside it (file "${out}")`);
    const readOnly = join(await readOnlyFolder(), "r.md");
    const inReadOnly = await svyprop("report", csv, "--codebook", codebook, "--out", readOnly, "--question", "facebook");
    expect(inReadOnly.code).toBe(ExitCode.badInput);
    expect(inReadOnly.err).toMatch(new RegExp(`E_IO: cannot write the output: (permission denied|operation not permitted|the file system is read-only) \\(file "${readOnly}"\\)`));
  });

  it("refuses reproduce --out on an existing file, leaving it untouched, exit 3", async () => {
    const file = join(out, "notes.txt");
    await writeFile(file, "my notes");
    const result = await svyprop("reproduce", "moubarak-2009", "--out", file);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.err).toContain(`E_IO: cannot write the outputs: it is a file, and they go into a folder; give a folder name (file "${file}")`);
    expect(await readFile(file, "utf8")).toBe("my notes");
  });

  it("replaces a file by renaming a finished temporary file over it, never rewriting it in place", async () => {
    const target = join(out, "report.md");
    const previous = join(out, "previous.md");
    await writeFile(target, "the previous good report");
    linkSync(target, previous); // a second name for the old file's bytes: a write in place would change them
    await writeOutputFile(target, "the new report");
    expect(await readFile(target, "utf8")).toBe("the new report");
    expect(await readFile(previous, "utf8")).toBe("the previous good report");
    expect((await readdir(out)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("confines names that come from the data (question ids) to the output folder", async () => {
    const parent = await mkdtemp(join(tmpdir(), "svyprop-confined-"));
    const folder = await openOutputFolder(join(parent, "out"));
    const written = await Promise.all(["../../x.svg", "..", "a/b\\c.svg", "/etc/passwd", "a_b\\c.svg"].map((name) => folder.write(name, "<svg/>")));
    expect(written.map((path) => path.slice(join(parent, "out").length + 1))).toEqual(["x.svg", "output", "a_b_c.svg", "etc_passwd", "a_b_c-2.svg"]);
    expect((await readdir(parent)).sort()).toEqual(["out"]);
    expect(safeFileName("Réseaux sociaux.svg")).toBe("Réseaux_sociaux.svg");
  });

  it("creates a missing output folder and its parents for reproduce", async () => {
    const nested = join(out, "a", "b");
    const result = await svyprop("reproduce", "moubarak-2009", "--out", nested, "--quiet");
    expect(result.code).toBe(0);
    expect(result.out).toBe(`\nEvery published figure reproduced. Files written to ${nested}\n`);
    expect(await readdir(nested)).toEqual(expect.arrayContaining(["estimates.json", "table.md", "friend_request.svg"]));
  });
});

describe("chart --type", () => {
  it("suggests the closest chart kind for a typo", async () => {
    const result = await svyprop("chart", csv, "--codebook", codebook, "--question", "facebook", "--type", "stacke", "--out", join(out, "s.svg"));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain('--type must be one of bar, grouped, stacked, likert, forest, multi, mean (got "stacke"); did you mean "stacked"?');
  });

  it("asks for --by with --type grouped", async () => {
    const result = await svyprop("chart", csv, "--codebook", codebook, "--question", "facebook", "--type", "grouped", "--out", join(out, "g.svg"));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain("grouped compares subgroups: add --by QUESTION");
  });

  it("refuses --type multi on a single-choice question instead of captioning it as multi-select", async () => {
    const path = join(out, "m.vl.json");
    const result = await svyprop("chart", csv, "--codebook", codebook, "--question", "friend_request", "--type", "multi", "--out", path);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toMatch(/multi says in its caption that several answers were allowed; it does not fit question "friend_request" \(single\): use bar or forest or stacked/);
    expect(existsSync(path)).toBe(false);
  });
});

describe("shipped datasets", () => {
  const planted = join(repoRoot, "src", "data", "planted-dataset");
  afterAll(() => rmSync(join(repoRoot, "src", "data"), { recursive: true, force: true }));

  it("come from the package's data folder only, never from a data/<name> found elsewhere above the code", async () => {
    mkdirSync(planted, { recursive: true });
    await writeFile(join(planted, "codebook.json"), "{}");
    expect(() => findDatasetDir("planted-dataset")).toThrow('no shipped dataset named "planted-dataset"; the shipped datasets are: moubarak-2009');
    expect(findDatasetDir("moubarak-2009")).toBe(data);
  });
});
