/**
 * The shipped Moubarak 2009 dataset: a reconstruction that must reproduce every figure of the
 * abstract. Reads the CSV with papaparse and the codebook as plain JSON (independent of the
 * library's loader), so a bug in the loader cannot hide a bug in the data or vice versa.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Codebook, Filter, Question } from "../../src/codebook/types";
import { roundRatio } from "../../src/stats/roundRatio";
import type { PublishedFigure } from "../../src/survey/published";
import { buildCsv, SEED } from "../../data/moubarak-2009/reconstruct";

const dir = fileURLToPath(new URL("../../data/moubarak-2009/", import.meta.url));
const csvText = readFileSync(`${dir}responses.csv`, "utf8");
const codebook = JSON.parse(readFileSync(`${dir}codebook.json`, "utf8")) as Codebook;

interface Published {
  citation: string;
  doi: string;
  frame: { emailed: number; respondents: number };
  figures: PublishedFigure[];
}
const published = JSON.parse(readFileSync(`${dir}published.json`, "utf8")) as Published;

const parsed = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
const rows = parsed.data;
const header = parsed.meta.fields ?? [];

const missing = new Set(codebook.missing ?? []);
const byId = new Map(codebook.questions.map((q) => [q.id, q]));

function question(id: string): Question {
  const q = byId.get(id);
  if (!q) throw new Error(`no question ${id} in codebook.json`);
  return q;
}

function column(q: Question): string {
  if (q.type === "multi" || !("column" in q) || q.column === undefined) throw new Error(`${q.id}: no single column`);
  return q.column;
}

function isMissing(q: Question, value: string): boolean {
  const v = value.trim();
  return missing.has(v) || (q.missing ?? []).includes(v);
}

/** Raw values meaning each category code of a question. */
function categoryValues(q: Question): Map<string, string[]> {
  switch (q.type) {
    case "binary":
      return new Map([
        ["yes", q.positive],
        ["no", q.negative],
      ]);
    case "single":
    case "multi":
      return new Map(q.categories.map((c) => [c.code, c.values]));
    case "likert":
      return new Map(q.levels.map((l) => [l, [l]]));
    case "numeric":
      return new Map();
  }
}

function categoryOf(q: Question, value: string): string | undefined {
  for (const [code, values] of categoryValues(q)) if (values.includes(value.trim())) return code;
  return undefined;
}

function passes(row: Record<string, string>, filter: Filter | undefined): boolean {
  if (!filter) return true;
  if ("all" in filter) return filter.all.every((f) => passes(row, f));
  const q = question(filter.question);
  const value = row[column(q)] ?? "";
  if ("notMissing" in filter) return !isMissing(q, value);
  const code = categoryOf(q, value);
  if ("equals" in filter) return code === filter.equals;
  return code !== undefined && filter.in.includes(code);
}

/** Rows answering question `id` and passing its filter, and how many of them chose `category`. */
function tally(id: string, category: string): { count: number; base: number } {
  const q = question(id);
  const col = column(q);
  const answering = rows.filter((r) => passes(r, q.filter) && !isMissing(q, r[col] ?? ""));
  return { base: answering.length, count: answering.filter((r) => categoryOf(q, r[col] ?? "") === category).length };
}

describe("data/moubarak-2009", () => {
  it("has 202 respondents: 160 residents and 42 fellows", () => {
    expect(parsed.errors).toEqual([]);
    expect(rows).toHaveLength(202);
    expect(published.frame).toEqual({ emailed: 405, respondents: 202 });
    expect(tally("position", "resident")).toEqual({ count: 160, base: 202 });
    expect(tally("position", "fellow")).toEqual({ count: 42, base: 202 });
    expect(new Set(rows.map((r) => r.respondent)).size).toBe(202);
  });

  it("codebook: populationSize 405, the DOI, and a CSV column for every question", () => {
    expect(codebook.design?.populationSize).toBe(405);
    expect(codebook.source?.doi).toBe("10.1136/jme.2010.036293");
    expect(published.doi).toBe(codebook.source?.doi);
    for (const q of codebook.questions) expect(header, q.id).toContain(column(q));
  });

  it("every non-missing cell is a listed value of its question", () => {
    for (const q of codebook.questions) {
      const col = column(q);
      rows.forEach((r, i) => {
        const v = r[col] ?? "";
        if (!isMissing(q, v)) expect(categoryOf(q, v), `row ${i + 2}, ${col} = ${JSON.stringify(v)}`).toBeDefined();
      });
    }
  });

  it("filtered questions are empty for respondents outside the filter (non-users)", () => {
    for (const q of codebook.questions.filter((x) => x.filter)) {
      const col = column(q);
      const outside = rows.filter((r) => !passes(r, q.filter));
      expect(outside.length, q.id).toBe(55);
      expect(outside.filter((r) => !isMissing(q, r[col] ?? "")), q.id).toEqual([]);
    }
  });

  it("published.json lists every abstract figure, each with a quote", () => {
    expect(published.figures.map((f) => f.key)).toEqual([
      "frame_size",
      "response_rate",
      "fb_profile",
      "real_name",
      "birthdate",
      "photo",
      "university",
      "position",
      "privacy_changed",
      "privacy_changed_vs_tenure_p",
      "friend_req_decline",
      "friend_req_case_by_case",
      "friend_req_accept",
      "dpr_altered_if_account_known",
      "dpr_altered_only_if_open_access",
    ]);
    for (const f of published.figures) {
      expect(f.sourceType).toBe("primary_abstract");
      expect(f.quote?.length ?? 0, f.key).toBeGreaterThan(0);
      if (!f.reproducible) expect(f.reason, f.key).toBeTruthy();
      if (f.question !== null) expect(byId.has(f.question), f.key).toBe(true);
    }
  });

  it("frame and response rate: 405 e-mailed, 202 answered (50%)", () => {
    const frame = published.figures.find((f) => f.key === "frame_size");
    expect(frame?.numerator).toBe(405);
    expect(codebook.design?.populationSize).toBe(frame?.numerator);
    const rate = published.figures.find((f) => f.key === "response_rate");
    expect(rate?.numerator).toBe(rows.length);
    expect(rate?.denominator).toBe(published.frame.emailed);
    expect(roundRatio(rows.length, published.frame.emailed)).toBe(rate?.printed);
  });

  const rowFigures = published.figures.filter((f) => f.reproducible && f.question !== null);
  it.each(rowFigures.map((f) => [f.key, f] as const))("reproduces %s from the rows", (_key, f) => {
    const numerator = f.numerator ?? f.numeratorAssumed;
    const base = f.denominator ?? f.denominatorAssumed;
    expect(numerator, "numerator").toBeTypeOf("number");
    expect(base, "denominator").toBeTypeOf("number");
    expect(f.category).not.toBeNull();
    const got = tally(f.question as string, f.category as string);
    expect(got).toEqual({ count: numerator, base });
    if (f.printed !== null) expect(roundRatio(got.count, got.base)).toBe(f.printed);
  });

  it("only the p-value is not reproduced", () => {
    expect(published.figures.filter((f) => !f.reproducible).map((f) => f.key)).toEqual([
      "privacy_changed_vs_tenure_p",
    ]);
  });

  it("the press release's 17% who could not remember their privacy settings is carried too", () => {
    const got = tally("privacy_changed", "dont_remember");
    expect(got).toEqual({ count: 25, base: 147 });
    expect(roundRatio(got.count, got.base)).toBe("17");
  });

  it("secondary figures carried by the extra column: 8 users (6%) received a patient's request", () => {
    const got = tally("patient_request_received", "yes");
    expect(got).toEqual({ count: 8, base: 140 });
    expect(roundRatio(got.count, got.base)).toBe("6");
  });

  it("some non-users answered the friend-request item (amednews)", () => {
    const nonUsers = rows.filter((r) => r.facebook === "no" && r.friend_request !== "");
    expect(nonUsers.length).toBeGreaterThan(0);
  });

  it("non-response is spread over residents and fellows", () => {
    for (const col of ["real_name", "friend_request", "dpr_altered"]) {
      const skipped = rows.filter((r) => r.facebook === "yes" || col !== "real_name").filter((r) => r[col] === "");
      expect(skipped.some((r) => r.position === "resident"), col).toBe(true);
      expect(skipped.some((r) => r.position === "fellow"), col).toBe(true);
    }
  });

  it("the generator rebuilds the committed CSV byte for byte", () => {
    expect(buildCsv()).toBe(csvText);
    expect(buildCsv(SEED)).toBe(buildCsv(SEED));
  });
});
