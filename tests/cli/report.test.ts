import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

const data = join(repoRoot, "data", "moubarak-2009");
const csv = join(data, "responses.csv");
const codebook = join(data, "codebook.json");
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "svyprop-report-"));
});

describe("svyprop report", () => {
  it("writes a self-contained HTML page with a chart and a table per question group", async () => {
    const io = captureIO();
    const path = join(out, "report.html");
    expect(await runCli(["report", csv, "--codebook", codebook, "--out", path, "--locale", "fr-FR"], io)).toBe(0);
    const html = await readFile(path, "utf8");
    expect(html).toContain('<html lang="fr">');
    expect((html.match(/<figure><svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect((html.match(/<table>/g) ?? []).length).toBe((html.match(/<figure>/g) ?? []).length);
    expect(html).toContain("152 / 178");
    expect(html).not.toMatch(/<script/);
    expect(io.err()).toContain("202 rows read");
  });

  it("follows the extension: Markdown, CSV (semicolons in French) and JSON", async () => {
    const base = ["report", csv, "--codebook", codebook, "--question", "friend_request"];
    expect(await runCli([...base, "--out", join(out, "r.md")], captureIO())).toBe(0);
    expect(await readFile(join(out, "r.md"), "utf8")).toContain("| Would automatically decline | 152 / 178 | 85% |");
    expect(await runCli([...base, "--locale", "fr-FR", "--out", join(out, "r.csv")], captureIO())).toBe(0);
    expect((await readFile(join(out, "r.csv"), "utf8")).split("\r\n")[0]).toMatch(/^\uFEFFquestion;questionLabel;category;/);
    expect(await runCli([...base, "--out", join(out, "r.json")], captureIO())).toBe(0);
    expect(JSON.parse(await readFile(join(out, "r.json"), "utf8"))).toHaveLength(3);
  });

  it("needs FILE, --codebook and --out", async () => {
    expect(await runCli(["report", csv, "--codebook", codebook], captureIO())).toBe(2);
  });
});
