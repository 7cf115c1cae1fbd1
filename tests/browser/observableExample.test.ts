import { readFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../ensureBuilt";
import { repoRoot } from "../paths";
import { launchChromium } from "./launchChromium";

const example = join(repoRoot, "examples", "notebooks", "observable-moubarak.md");
/** Where jsDelivr serves the package's files, at the version being released. */
const cdn = async () => `https://cdn.jsdelivr.net/npm/svyprop@${(JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")) as { version: string }).version}/`;
const notebookPage = "http://notebook.test/";
let browser: Browser;

beforeAll(async () => {
  await ensureBuilt();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The page Observable Framework makes of the example, reduced to what its cells need: the `js`
 * blocks, in order, in one module script, with Framework's `display` appending to the page.
 */
async function examplePage(): Promise<string> {
  const blocks = [...(await readFile(example, "utf8")).matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  return `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module">
const display = (value) => document.body.append(value instanceof Node ? value : Object.assign(document.createElement("p"), { textContent: String(value) }));
${blocks.join("\n")}
window.notebookDone = true;
</script>`;
}

describe("the Observable example (examples/notebooks/observable-moubarak.md)", () => {
  it("runs its cells in Chromium with svyprop imported by its jsDelivr URL (served from this checkout, offline)", async () => {
    const prefix = await cdn();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === notebookPage) return route.fulfill({ body: await examplePage(), contentType: "text/html" });
      const file = url.startsWith(prefix) ? normalize(join(repoRoot, decodeURIComponent(url.slice(prefix.length)))) : undefined;
      if (file === undefined || !file.startsWith(repoRoot + sep)) return route.abort();
      const type = { ".js": "text/javascript", ".json": "application/json", ".csv": "text/csv" }[extname(file)] ?? "application/octet-stream";
      return route.fulfill({ body: await readFile(file), contentType: type, headers: { "access-control-allow-origin": "*" } });
    });
    await page.goto(notebookPage);
    await Promise.race([page.waitForFunction(() => "notebookDone" in window), page.waitForEvent("pageerror")]);
    expect(errors).toEqual([]);

    expect(await page.locator("table tr").nth(1).innerText()).toMatch(/Profile displays real name\s+Yes\s+138 \/ 140\s+99%/);
    expect(await page.locator("p").first().innerText()).toMatch(/chi-square|Fisher/);
    const charts = page.locator("figure > svg");
    expect(await charts.count()).toBe(2);
    expect(await charts.first().locator("text", { hasText: "Profile displays real name" }).count()).toBe(1);
    expect(await charts.nth(1).locator("text", { hasText: "Has a Facebook profile" }).count()).toBeGreaterThanOrEqual(1);
    const out = await mkdtemp(join(tmpdir(), "svyprop-observable-"));
    await writeFile(join(out, "observable.png"), await page.screenshot({ fullPage: true }));
    await page.close();
  });
});
