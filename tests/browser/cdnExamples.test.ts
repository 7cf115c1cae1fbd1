import { readFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crosstab, formatAssociationTest, loadDataset } from "../../src";
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
 * Opens `html` in a new page, as if at http://notebook.test/, where jsDelivr's URLs of svyprop are
 * answered with this checkout's files and every other request is refused (offline), and waits for
 * its module script to set `window.notebookDone` or fail.
 */
async function openWithCdn(html: string): Promise<{ page: Page; errors: string[] }> {
  const prefix = await cdn();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === notebookPage) return route.fulfill({ body: html, contentType: "text/html" });
    const file = url.startsWith(prefix) ? normalize(join(repoRoot, decodeURIComponent(url.slice(prefix.length)))) : undefined;
    if (file === undefined || !file.startsWith(repoRoot + sep)) return route.abort();
    const type = { ".js": "text/javascript", ".json": "application/json", ".csv": "text/csv" }[extname(file)] ?? "application/octet-stream";
    return route.fulfill({ body: await readFile(file), contentType: type, headers: { "access-control-allow-origin": "*" } });
  });
  await page.goto(notebookPage);
  await Promise.race([page.waitForFunction(() => "notebookDone" in window), page.waitForEvent("pageerror")]);
  return { page, errors };
}

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

describe("svyprop imported by its jsDelivr URL (served from this checkout, offline) in Chromium", () => {
  it("runs the cells of the Observable example (examples/notebooks/observable-moubarak.md)", async () => {
    const { page, errors } = await openWithCdn(await examplePage());
    expect(errors).toEqual([]);

    expect(await page.locator("table tr").nth(1).innerText()).toMatch(/Profile displays real name\s+Yes\s+138 \/ 140\s+99%/);
    const { survey } = await loadDataset("moubarak-2009");
    expect(await page.locator("p").first().innerText()).toBe(formatAssociationTest(crosstab(survey, "facebook", "position").test));
    const charts = page.locator("figure > svg");
    expect(await charts.count()).toBe(2);
    expect(await charts.first().locator("text", { hasText: "Profile displays real name" }).count()).toBe(1);
    expect(await charts.nth(1).locator("text", { hasText: "Has a Facebook profile" }).count()).toBeGreaterThanOrEqual(1);
    const out = await mkdtemp(join(tmpdir(), "svyprop-observable-"));
    await writeFile(join(out, "observable.png"), await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it("runs the README's browser snippet", async () => {
    const readme = await readFile(join(repoRoot, "README.md"), "utf8");
    const [snippet] = [...readme.matchAll(/^```html\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
    const { page, errors } = await openWithCdn(snippet!.replace("</script>", "window.notebookDone = true;\n</script>"));
    expect(errors).toEqual([]);
    expect(await page.locator("body > svg text", { hasText: "Profile displays real name" }).count()).toBe(1);
    expect(await page.locator("body > svg text", { hasText: "99%" }).count()).toBe(1);
    await page.close();
  });
});
