import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crosstab, estimate, loadSurvey, type Crosstab, type Estimate } from "../../src";
import { runCli } from "../../src/cli/run";
import { captureIO } from "../cli/io";
import { ensureBuilt } from "../ensureBuilt";
import { repoRoot } from "../paths";
import { bundleBrowserEntry } from "./bundleBrowserEntry";
import { launchChromium } from "./launchChromium";
import { serveFolder, type StaticServer } from "./staticServer";

const moubarak = join(repoRoot, "data", "moubarak-2009");
/** Where the screenshots go (printed, so a person can look at them). */
let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await ensureBuilt();
  out = await mkdtemp(join(tmpdir(), "svyprop-browser-"));
  [server, browser] = await Promise.all([serveFolder(repoRoot), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page, failing on any uncaught error or console error in it. */
async function openPage(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(url);
  return { page, errors };
}

interface PageResult {
  realName: Record<string, Estimate>;
  svg: string;
  /** The PNG's bytes, base64. */
  png: string;
  crosstab: Crosstab;
  pathError: string;
}

describe("the browser build", () => {
  it("imports nothing but its own chunks (no Node built-in, no bare package name)", async () => {
    for (const entry of ["index", "render"] as const) {
      const { files } = await bundleBrowserEntry(entry);
      expect(files).toContain(`dist/browser/${entry}.js`);
      for (const file of files) expect(file).toMatch(/^dist\/browser\/[\w.-]+\.js$/);
    }
  });

  it("runs in Chromium from a page that only imports the two entries by URL: every source kind, estimate, crosstab, SVG and PNG", async () => {
    const { page, errors } = await openPage(`${server.url}tests/browser/moubarak.html`);
    await Promise.race([page.waitForFunction(() => "svypropResult" in window), page.waitForEvent("pageerror")]);
    expect(errors).toEqual([]);
    const result = (await page.evaluate(() => (window as unknown as { svypropResult: unknown }).svypropResult)) as PageResult;

    // The same numbers as Node's build computes from the same files, whatever the source kind.
    const survey = await loadSurvey(join(moubarak, "responses.csv"), { codebook: join(moubarak, "codebook.json") });
    const node = estimate(survey, "real_name").find((row) => row.category === "yes")!;
    expect(Object.keys(result.realName)).toEqual(["url", "text", "bytes", "file", "stream"]);
    for (const row of Object.values(result.realName)) {
      expect([row.count, row.base]).toEqual([138, 140]);
      expect(row.lower).toBe(node.lower);
      expect(row.upper).toBe(node.upper);
    }
    expect(result.crosstab.test).toEqual(crosstab(survey, "facebook", "position").test);

    // The chart, drawn by Vega's SVG renderer: two bars, their percent labels, the title.
    expect(result.svg).toMatch(/^<svg[^>]+width="\d+"/);
    expect(result.svg.match(/<path[^>]*class="[^"]*"?[^>]*/g)?.length ?? 0).toBeGreaterThan(0);
    expect(result.svg).toContain("Profile displays real name");
    expect(result.svg).toContain(">99%<");
    expect(await page.locator("body > svg").count()).toBe(1);
    const box = await page.locator("body > svg").boundingBox();
    expect(box!.width).toBeGreaterThan(300);

    // The PNG, drawn through the page's canvas at twice the SVG's size.
    const png = Buffer.from(result.png, "base64");
    await writeFile(join(out, "moubarak-chart.png"), png);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const [, svgWidth, svgHeight] = result.svg.match(/^<svg[^>]*\bwidth="(\d+)" height="(\d+)"/)!.map(Number);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * svgWidth!, 2 * svgHeight!]);

    // A file path cannot be read in a page: a sentence says what to pass instead.
    expect(result.pathError).toMatch(/^SurveyError E_IO: .*runs only in Node: in a browser, pass the data itself/);
    await writeFile(join(out, "moubarak-page.png"), await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it("shows the HTML report (svyprop report) with its charts: a screenshot that is not blank", async () => {
    const report = join(out, "report.html");
    const csv = join(moubarak, "responses.csv");
    expect(await runCli(["report", csv, "--codebook", join(moubarak, "codebook.json"), "--out", report], captureIO())).toBe(0);
    const { page, errors } = await openPage(pathToFileURL(report).href);
    const charts = page.locator("figure > svg");
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    for (const box of await Promise.all((await charts.all()).map((chart) => chart.boundingBox()))) {
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(50);
    }
    expect(await page.locator("figure > svg path, figure > svg rect").count()).toBeGreaterThan(20);
    const screenshot = await page.screenshot({ fullPage: true });
    await writeFile(join(out, "report.png"), screenshot);
    const pixels = await pixelStatistics(page, screenshot);
    expect(pixels.height).toBeGreaterThan(1500);
    // Mostly white paper, but with text and coloured bars: far from one flat colour.
    expect(pixels.inkShare).toBeGreaterThan(0.02);
    expect(pixels.colouredShare).toBeGreaterThan(0.005);
    expect(pixels.luminanceSd).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Statistics of a PNG's pixels, decoded by the browser itself: the share of non-white pixels
 * (ink), the share of strongly coloured ones (the bars), and the luminance's standard deviation.
 */
async function pixelStatistics(page: Page, png: Buffer): Promise<{ height: number; inkShare: number; colouredShare: number; luminanceSd: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let ink = 0;
    let coloured = 0;
    let sum = 0;
    let sumOfSquares = 0;
    const count = data.length / 4;
    for (let index = 0; index < data.length; index += 4) {
      const [red, green, blue] = [data[index]!, data[index + 1]!, data[index + 2]!];
      const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
      sum += luminance;
      sumOfSquares += luminance * luminance;
      if (luminance < 240) ink++;
      if (Math.max(red, green, blue) - Math.min(red, green, blue) > 60) coloured++;
    }
    const mean = sum / count;
    return { height: image.height, inkShare: ink / count, colouredShare: coloured / count, luminanceSd: Math.sqrt(sumOfSquares / count - mean * mean) };
  }, png.toString("base64"));
}
