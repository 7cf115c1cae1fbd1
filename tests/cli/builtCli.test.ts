import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../ensureBuilt";
import { repoRoot } from "../paths";

/** The CLI as a user runs it: built by tsup (only when src/ changed: see ensureBuilt), started by node, exit code read by the shell. */
describe("the built svyprop command", () => {
  beforeAll(ensureBuilt);

  const svyprop = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, "dist", "cli.js"), ...args], { cwd: repoRoot, encoding: "utf8" });

  it("reproduces the Moubarak figures and exits 0", async () => {
    const out = await mkdtemp(join(tmpdir(), "svyprop-built-"));
    const result = svyprop("reproduce", "moubarak-2009", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("| Had a Facebook profile | 147 / 202 | 73% (");
    expect(await readdir(out)).toEqual(expect.arrayContaining(["estimates.json", "table.md", "friend_request.svg"]));
  });

  it("runs the README's library example against the built package", () => {
    const result = spawnSync("npx", ["tsx", join(repoRoot, "examples", "quick-start.ts")], { cwd: repoRoot, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("| Profile displays real name | Yes | 138 / 140 | 99% |");
    const svg = join(repoRoot, "real-name.svg");
    expect(readFileSync(svg, "utf8")).toContain("Real name on profile");
    rmSync(svg);
  });

  it("prints its version, read from the package's own package.json", () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    const result = svyprop("--version");
    expect(result.stdout).toBe(`svyprop ${version}\n`);
    expect(result.status).toBe(0);
  });

  it("lists its commands and exits 2 on an unknown one", () => {
    const help = svyprop("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/reproduce\s+Reproduce/);
    const unknown = svyprop("frobnicate");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });
});
