import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import type { PublishedFigures } from "../../src/survey";
import type { Estimate } from "../../src/types";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

const published = JSON.parse(
  await readFile(join(repoRoot, "data", "moubarak-2009", "published.json"), "utf8"),
) as PublishedFigures;

describe("svyprop reproduce moubarak-2009", () => {
  let out: string;
  let code: number;
  const io = captureIO();

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), "svyprop-reproduce-"));
    code = await runCli(["reproduce", "moubarak-2009", "--out", out], io);
  });

  it("exits 0 and says every figure is reproduced", () => {
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    expect(io.out()).toContain("Every published figure reproduced.");
  });

  it("writes estimates whose counts and bases match every published figure", async () => {
    const { estimates } = JSON.parse(await readFile(join(out, "estimates.json"), "utf8")) as { estimates: Estimate[] };
    const checked = published.figures.filter((f) => f.reproducible && f.question !== null);
    expect(checked.length).toBeGreaterThanOrEqual(12);
    for (const figure of checked) {
      const row = estimates.find((r) => r.question === figure.question && r.category === figure.category);
      expect(row, figure.key).toBeDefined();
      const numerator = figure.numerator ?? figure.numeratorAssumed;
      expect(row?.count, figure.key).toBe(numerator);
      expect(row?.base, figure.key).toBe(figure.denominator ?? figure.denominatorAssumed);
      expect(row!.lower).toBeLessThanOrEqual(row!.proportion);
      expect(row!.upper).toBeGreaterThanOrEqual(row!.proportion);
    }
  });

  it("prints one table line per published figure, with its base and verdict", async () => {
    const table = await readFile(join(out, "table.md"), "utf8");
    expect(io.out()).toContain(table);
    const lines = table.split("\n").filter((line) => /^\| (?!Published|---)/.test(line));
    expect(lines).toHaveLength(published.figures.length);
    expect(table).toContain("| 138 / 140* | 99% (");
    // the bases over which the printed count gives the printed percentage, as in the sources' checks
    expect(table).toMatch(/\| Displayed real name on profile \| .* \| 99% \| 139–140 \| yes \|/);
    expect(table).toMatch(/\| Displayed current position \| .* \| 55% \| 137–139 \| yes \|/);
    expect(table).toContain("| 147 / 202 | 73% (");
    expect(table).not.toContain("**NO**");
  });

  it("writes a Vega-Lite spec and an SVG per chart, including the profile items and the friend request", async () => {
    const files = await readdir(out);
    expect(files).toEqual(expect.arrayContaining(["among-facebook-yes.vl.json", "among-facebook-yes.svg", "friend_request.svg"]));
    const svg = await readFile(join(out, "among-facebook-yes.svg"), "utf8");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("Profile displays real name");
    const spec = JSON.parse(await readFile(join(out, "friend_request.vl.json"), "utf8"));
    expect(spec.$schema).toMatch(/vega-lite/);
  });

  it("speaks French with --locale fr-FR", async () => {
    const frOut = await mkdtemp(join(tmpdir(), "svyprop-reproduce-fr-"));
    const frIO = captureIO();
    expect(await runCli(["reproduce", "moubarak-2009", "--out", frOut, "--locale", "fr-FR"], frIO)).toBe(0);
    const table = await readFile(join(frOut, "table.md"), "utf8");
    expect(table).toContain("IC 95\u202f%");
    expect(table).toContain("| 147 / 202 | 73\u202f% (");
    expect(table).toContain("Concorde");
    const svg = await readFile(join(frOut, "among-facebook-yes.svg"), "utf8");
    expect(svg).toContain("Parmi les utilisateurs de Facebook");
    expect(svg).toContain("Le profil montre le vrai nom");
    expect(table).toContain("| Montraient leur vrai nom | 138 / 140* | 99\u202f% (");
  });

  it("refuses an unknown dataset with a usage error", async () => {
    const bad = captureIO();
    expect(await runCli(["reproduce", "smith-2020", "--out", out], bad)).toBe(2);
    expect(bad.err()).toContain('no shipped dataset named "smith-2020"');
  });
});
