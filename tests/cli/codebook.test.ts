import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/command";
import { runCli } from "../../src/cli/run";
import { parseCodebook } from "../../src/codebook";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function svyprop(...argv: string[]) {
  const printed = { stdout: "", stderr: "" };
  const io: CliIO = {
    stdout: (text) => void (printed.stdout += text),
    stderr: (text) => void (printed.stderr += text),
    isTTY: false,
  };
  return { code: await runCli(argv, io), ...printed };
}

describe("svyprop codebook", () => {
  it("prints a codebook that parses, and a summary on stderr", async () => {
    const { code, stdout, stderr } = await svyprop("codebook", fixture("redcap.csv"));
    expect(code).toBe(0);
    const codebook = parseCodebook(JSON.parse(stdout));
    expect(codebook.questions.map((q) => q.type)).toEqual(["binary", "binary", "single", "multi"]);
    expect(stderr).toContain("4 questions proposed: 2 binary, 1 single, 1 multi");
  });

  it("passes --format, --delimiter and --encoding (latin1 read as Windows-1252) on", async () => {
    const { code, stdout } = await svyprop(
      "codebook", fixture("semicolon-windows1252-crlf.csv"), "--delimiter", ";", "--encoding", "latin1", "--format", "plain",
    );
    expect(code).toBe(0);
    expect(stdout).toContain('"Pédiatrie"');
  });

  it("exits 2 on bad usage and 3 on a bad file, naming the error code", async () => {
    expect((await svyprop("codebook")).code).toBe(2);
    const badFormat = await svyprop("codebook", fixture("redcap.csv"), "--format", "spss");
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("E_ARGUMENT");
    const binary = await svyprop("codebook", fixture("binary.xlsx"));
    expect(binary.code).toBe(3);
    expect(binary.stderr).toContain("E_BINARY_FILE");
  });

  it("says on stderr what it decided for each column of a Qualtrics export, and why", async () => {
    const { code, stdout, stderr } = await svyprop("codebook", fixture("exports/qualtrics.csv"));
    expect(code).toBe(0);
    expect(parseCodebook(JSON.parse(stdout)).questions.map((q) => q.id)).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    const lines = stderr.split("\n");
    for (const line of [
      "  ResponseId: respondentId — the Qualtrics export's respondent id",
      "  StartDate: left out — Qualtrics response metadata, not an answer",
      '  Q1: binary "Q1" — two answers, "Oui", "Non": a yes/no question',
      '  Q2_1, Q2_2, Q2_3, Q2_4: multi "Q2" — Qualtrics option columns Q2_k holding 1 or blank',
      '  Q2_1, Q2_2, Q2_3, Q2_4: filter Q1 = "yes" — blank for all 11 respondents who answered "Non" to "Q1", and only for them',
      '  Q2_4_TEXT: left out — free text: a text-entry field ("Q2_4_TEXT")',
      '  Q4: single "Q4" — two answers, "Femme", "Homme", that are not yes and no: two categories',
      "  Q5: left out — free text: answers up to 102 characters long",
    ]) {
      expect(lines).toContain(line);
    }
  });

  it("reads a REDCap data dictionary given with --dictionary, and exits 3 when it is not one", async () => {
    const { code, stdout, stderr } = await svyprop("codebook", fixture("exports/redcap.csv"), "--dictionary", fixture("exports/redcap-dictionary.csv"));
    expect(code).toBe(0);
    const reseaux = parseCodebook(JSON.parse(stdout)).questions.find((q) => q.id === "reseaux");
    expect(reseaux).toMatchObject({ label: "Quels réseaux utilisez-vous ?", filter: { question: "fb", equals: "yes" } });
    expect(stderr).toContain(`filter fb = "yes" — the dictionary's branching logic [fb] = '1'`);
    const notDictionary = await svyprop("codebook", fixture("exports/redcap.csv"), "--dictionary", fixture("exports/limesurvey.csv"));
    expect(notDictionary.code).toBe(3);
    expect(notDictionary.stderr).toContain("E_UNKNOWN_COLUMN: a REDCap data dictionary needs the columns");
  });
});
