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
});
