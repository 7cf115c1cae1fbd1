import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProgressBar } from "../../src/cli/progressBar";
import { runCli } from "../../src/cli/run";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

const data = join(repoRoot, "data", "moubarak-2009");
const args = ["estimate", join(data, "responses.csv"), "--codebook", join(data, "codebook.json")];

describe("svyprop estimate --stream", () => {
  it("gives the in-memory path's estimates and report, from one streaming pass", async () => {
    const inMemory = captureIO();
    const streamed = captureIO();
    expect(await runCli([...args, "--json"], inMemory)).toBe(0);
    expect(await runCli([...args, "--json", "--stream"], streamed)).toBe(0);
    const a = JSON.parse(inMemory.out());
    const b = JSON.parse(streamed.out());
    expect(b.estimates).toEqual(a.estimates);
    expect(b.report.questions).toEqual(a.report.questions);
    expect(b.report.rowsRead).toBe(202);
    expect(b.estimates.find((r: { question: string; category: string }) => r.question === "real_name" && r.category === "yes")).toMatchObject({
      count: 138,
      base: 140,
    });
  });

  it("shows progress on a terminal, and not with --quiet", async () => {
    const tty = { ...captureIO(), isTTY: true };
    const out: string[] = [];
    tty.stderr = (text) => out.push(text);
    expect(await runCli([...args, "--stream", "--question", "facebook"], tty)).toBe(0);
    expect(out.join("")).toMatch(/\] 0\.0 \/ 0\.0 MB \(100 %\)/);
    const quiet = { ...captureIO(), isTTY: true };
    const none: string[] = [];
    quiet.stderr = (text) => none.push(text);
    expect(await runCli([...args, "--stream", "--quiet", "--question", "facebook"], quiet)).toBe(0);
    expect(none).toEqual([]);
  });

  it("splits by a question while streaming, to the rows and report read whole", async () => {
    const inMemory = captureIO();
    const streamed = captureIO();
    expect(await runCli([...args, "--json", "--by", "position"], inMemory)).toBe(0);
    expect(await runCli([...args, "--json", "--by", "position", "--stream"], streamed)).toBe(0);
    expect(streamed.out()).toBe(inMemory.out());
    expect(JSON.parse(streamed.out()).estimates.find((r: { question: string; category: string; group?: { position: string } }) => r.question === "facebook" && r.category === "yes" && r.group?.position === "fellow")).toMatchObject({ count: 27, base: 42 });
  });

  it("refuses an unknown grouping question while streaming, as read whole", async () => {
    for (const by of ["nope", "birthdate_typo"]) {
      const whole = captureIO();
      const streamed = captureIO();
      const code = await runCli([...args, "--by", by], whole);
      expect(code).toBeGreaterThan(0);
      expect(await runCli([...args, "--by", by, "--stream"], streamed)).toBe(code);
      expect(streamed.err()).toBe(whole.err());
    }
  });
});

describe("createProgressBar", () => {
  it("draws bytes read, percent and throughput, at most every 100 ms, and clears its line", () => {
    const io = captureIO();
    let clock = 0;
    const bar = createProgressBar(io, 200e6, () => clock);
    clock = 1000;
    bar.update({ bytesRead: 50e6 });
    clock = 1050;
    bar.update({ bytesRead: 60e6 }); // too soon: not drawn
    clock = 2000;
    bar.update({ bytesRead: 100e6 });
    bar.done();
    expect(io.err()).toBe(
      "\r[######                  ] 50.0 / 200.0 MB (25 %) 50.0 MB/s" +
        "\r[############            ] 100.0 / 200.0 MB (50 %) 50.0 MB/s" +
        "\r\x1b[2K",
    );
  });
});
