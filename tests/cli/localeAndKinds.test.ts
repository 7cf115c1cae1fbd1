import { mkdtemp, readFile, writeFile } from "node:fs/promises";
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
  out = await mkdtemp(join(tmpdir(), "svyprop-locale-"));
});

/** Every text of a spec a reader sees: title, subtitle, caption, the data's labels. */
function specTexts(spec: any): string[] {
  const body = spec.vconcat[0];
  return [spec.title?.text, ...(spec.title?.subtitle ?? []), ...body.title.text, ...body.data.values.flatMap((v: any) => [v.item, v.label, v.interval])].filter(Boolean);
}

describe("--locale fr-FR uses the codebook's translations in every command", () => {
  it("chart: French title, labels and caption", async () => {
    const path = join(out, "friend.vl.json");
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "friend_request", "--locale", "fr-FR", "--out", path], captureIO())).toBe(0);
    const texts = specTexts(JSON.parse(await readFile(path, "utf8")));
    expect(texts[0]).toBe("Si un patient envoyait une demande d’ami");
    expect(texts).toEqual(expect.arrayContaining(["Refuserait automatiquement", "Déciderait au cas par cas"]));
    expect(texts.join(" ")).not.toMatch(/Would|friend request|Error bars/);
  });

  it("report: French headings (the filter's respondents named), tables and charts", async () => {
    const path = join(out, "rapport.html");
    expect(await runCli(["report", csv, "--codebook", codebook, "--locale", "fr-FR", "--out", path], captureIO())).toBe(0);
    const html = await readFile(path, "utf8");
    expect(html).toContain("<h2>Parmi les utilisateurs de Facebook</h2>");
    expect(html).toContain("Refuserait automatiquement");
    expect(html).not.toMatch(/Would decline|Profile displays|Among /);
    const english = join(out, "report.html");
    expect(await runCli(["report", csv, "--codebook", codebook, "--out", english], captureIO())).toBe(0);
    expect(await readFile(english, "utf8")).toContain("<h2>Among Facebook users</h2>");
  });

  it("estimate and crosstab: French labels, groups and headers", async () => {
    const io = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--question", "friend_request", "--locale", "fr-FR"], io)).toBe(0);
    expect(io.out()).toContain("| Si un patient envoyait une demande d’ami | Refuserait automatiquement | 152 / 178 | 85\u202f% |");
    const cross = captureIO();
    expect(await runCli(["crosstab", csv, "--codebook", codebook, "--rows", "facebook", "--cols", "position", "--locale", "fr-FR"], cross)).toBe(0);
    expect(cross.out()).toMatch(/\| A un profil Facebook \| Oui \| Interne \| 120 \/ 160 \| 75\u202f% \|/);
  });
});

describe("a chart kind that does not fit the question is refused with a hint (exit 2)", () => {
  it("multi on a single-choice question, grouped without --by", async () => {
    const multi = captureIO();
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "friend_request", "--type", "multi", "--out", join(out, "x.svg")], multi)).toBe(2);
    expect(multi.err()).toMatch(/several answers were allowed; it does not fit question "friend_request" \(single\): use bar or forest or stacked/);
    const grouped = captureIO();
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "facebook", "--type", "grouped", "--out", join(out, "x.svg")], grouped)).toBe(2);
    expect(grouped.err()).toContain("add --by QUESTION");
  });

  it("stacks both answers of a yes/no question, not the yes alone", async () => {
    const path = join(out, "stacked.vl.json");
    expect(await runCli(["chart", csv, "--codebook", codebook, "--question", "facebook", "--type", "stacked", "--out", path], captureIO())).toBe(0);
    const values = JSON.parse(await readFile(path, "utf8")).vconcat[0].data.values;
    expect(values.map((v: { categoryLabel: string; count: number }) => [v.categoryLabel, v.count])).toEqual([["Yes", 147], ["No", 55]]);
  });
});

describe("a weighted survey says so on the command line", () => {
  it("estimate's table and report's CSV", async () => {
    const file = join(out, "w.csv");
    const cb = join(out, "w.json");
    await writeFile(file, ["avis,w", "Oui,2", "Oui,1", "Oui,3", "Non,1", "Non,1", "Non,4"].join("\n"));
    await writeFile(cb, JSON.stringify({ design: { weights: "w" }, questions: [{ id: "avis", column: "avis", type: "binary", positive: ["Oui"], negative: ["Non"] }] }));
    const io = captureIO();
    expect(await runCli(["estimate", file, "--codebook", cb], io)).toBe(0);
    expect(io.out().split("\n")[0]).toBe("| Question | Answer | unweighted n / base | weighted % | 95% CI |");
    expect(io.out()).toContain("| avis | Yes | 3 / 6 | 50% |");
    const path = join(out, "w.csv.out.csv");
    expect(await runCli(["report", file, "--codebook", cb, "--locale", "fr-FR", "--out", path], captureIO())).toBe(0);
    const text = await readFile(path, "utf8");
    expect(text.startsWith("\uFEFFquestion;")).toBe(true);
    expect(text).toContain(";0,5;");
    expect(text.split("\r\n")[1]).toMatch(/;weighted$/);
  });
});
