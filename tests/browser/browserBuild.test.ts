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
  pngHead: number[];
  pngSize: number;
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

    // The PNG, drawn through the page's canvas.
    expect(result.pngHead).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(result.pngSize).toBeGreaterThan(5_000);

    // A file path cannot be read in a page: a sentence says what to pass instead.
    expect(result.pathError).toMatch(/^SurveyError E_IO: .*runs only in Node: in a browser, pass the data itself/);
    await writeFile(join(out, "moubarak-page.png"), await page.screenshot({ fullPage: true }));
    await page.close();
  });
});
