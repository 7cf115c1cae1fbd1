import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { repoRoot } from "../paths";
import { decodePng } from "../render/decodePng";
import { svgTexts } from "../render/svgParts";
import { vegaLiteSchemaErrors } from "../charts/vegaLiteSchema";
import { captureIO } from "./io";

const data = join(repoRoot, "data", "moubarak-2009");
const csv = join(data, "responses.csv");
const codebook = join(data, "codebook.json");
let out: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "svyprop-chart-"));
});

describe("svyprop chart", () => {
  it("draws a numeric question's means with intervals by group (R svyby svymean), and a Likert item's mean", async () => {
    const api = join(repoRoot, "tests/reference/r-survey-numeric/apistrat.csv");
    const apiCodebook = join(repoRoot, "tests/fixtures/apistrat.codebook.json");
    const path = join(out, "api00.vl.json");
    expect(await runCli(["chart", api, "--codebook", apiCodebook, "--question", "api00", "--by", "stype", "--out", path], captureIO())).toBe(0);
    const spec = JSON.parse(await readFile(path, "utf8"));
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
    // R survey 4.1-1: svyby(~api00, ~stype, apistrat design, svymean): E 674.43, H 625.82, M 636.6 (tests/reference/r-survey-numeric)
    expect(spec.vconcat[0].data.values.map((v: { item: string; mean: number }) => [v.item, Math.round(v.mean * 100) / 100])).toEqual([
      ["Elementary (n = 100)", 674.43],
      ["Middle (n = 50)", 636.6],
      ["High (n = 50)", 625.82],
    ]);
    const likert = join(out, "trust.svg");
    const fixture = join(repoRoot, "tests/fixtures");
    expect(await runCli(["chart", join(fixture, "comma-utf8.csv"), "--codebook", join(fixture, "codebook.json"), "--question", "trust", "--type", "mean", "--locale", "fr-FR", "--out", likert], captureIO())).toBe(0);
    expect(svgTexts(await readFile(likert, "utf8"))).toEqual(expect.arrayContaining(["Moyenne"]));
    const refused = captureIO();
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "position", "--type", "mean", "--out", join(out, "x.png")], refused)).toBe(2);
    expect(refused.err()).toContain("--type mean draws numeric questions and Likert items");
  });

  it("writes a valid Vega-Lite spec of a single-choice question", async () => {
    const io = captureIO();
    const path = join(out, "friend.vl.json");
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "friend_request", "--out", path], io)).toBe(0);
    const spec = JSON.parse(await readFile(path, "utf8"));
    expect(vegaLiteSchemaErrors(spec)).toEqual([]);
    expect(spec.vconcat[0].data.values.map((v: { count: number }) => v.count)).toEqual([152, 26, 0]);
    expect(io.out()).toContain(path);
  });

  it("writes French SVG grouped by a question, with the codebook's French labels", async () => {
    const path = join(out, "facebook.svg");
    const args = ["chart", csv, "--codebook", codebook, "--question", "facebook", "--by", "position", "--locale", "fr-FR", "--out", path];
    expect(await runCli(args, captureIO())).toBe(0);
    const texts = svgTexts(await readFile(path, "utf8"));
    expect(texts).toEqual(expect.arrayContaining(["Pourcentage des répondants", "Statut", "A un profil Facebook"]));
    expect(texts.some((text) => text.startsWith("Interne (n = "))).toBe(true);
    expect(texts.some((text) => /Resident|Position|Has a Facebook/.test(text))).toBe(false);
  });

  it("writes a PNG at the asked scale", async () => {
    const path = join(out, "privacy.png");
    const args = ["chart", csv, "--codebook", codebook, "--question", "privacy_changed", "--type", "stacked", "--scale", "1", "--out", path];
    expect(await runCli(args, captureIO())).toBe(0);
    const png = decodePng(new Uint8Array(await readFile(path)));
    expect(png.width).toBeGreaterThan(400);
    expect(png.width).toBeLessThan(1200);
  });

  it("refuses a missing option, an unknown format, type or question with usage or input exit codes", async () => {
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "facebook"], captureIO())).toBe(2);
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "facebook", "--out", join(out, "x.gif")], captureIO())).toBe(2);
    const io = captureIO();
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "facebook", "--type", "pie", "--out", join(out, "x.svg")], io)).toBe(2);
    expect(io.err()).toContain("bar, grouped, stacked, likert, forest, multi");
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "nope", "--out", join(out, "x.svg")], captureIO())).toBe(3);
  });
});
