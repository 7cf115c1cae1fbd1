import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { withoutOptimizingCompiler } from "../../src/render/node/withoutOptimizingCompiler";

const moduleUrl = new URL("../../src/render/node/withoutOptimizingCompiler.ts", import.meta.url).href;

/**
 * Whether V8 optimizes a function asked to (natives syntax: %OptimizeFunctionOnNextCall, then bit 16,
 * kTurboFanned, of %GetOptimizationStatus) before, inside and after `withoutOptimizingCompiler`, in a
 * fresh Node process started with `flags`.
 */
function probeWith(...flags: string[]): { before: boolean; during: boolean; after: boolean } {
  const script = `
    import { withoutOptimizingCompiler } from ${JSON.stringify(moduleUrl)};
    function double(x) { return 2 * x; }
    function optimizesWhenAsked() {
      %DeoptimizeFunction(double);
      %PrepareFunctionForOptimization(double);
      double(1); double(2);
      %OptimizeFunctionOnNextCall(double);
      double(3);
      return (%GetOptimizationStatus(double) & 16) !== 0;
    }
    const before = optimizesWhenAsked();
    const during = await withoutOptimizingCompiler(async () => optimizesWhenAsked());
    const after = optimizesWhenAsked();
    console.log(JSON.stringify({ before, during, after }));`;
  const output = execFileSync(process.execPath, ["--import", "tsx", "--allow-natives-syntax", ...flags, "--input-type=module", "--eval", script], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return JSON.parse(output) as { before: boolean; during: boolean; after: boolean };
}

describe("withoutOptimizingCompiler", () => {
  it("turns TurboFan off while the work runs and back on after it", () => {
    expect(probeWith()).toEqual({ before: true, during: false, after: true });
  });

  it("leaves a process started with --no-opt without TurboFan after the work", () => {
    expect(probeWith("--no-opt")).toEqual({ before: false, during: false, after: false });
  });

  it("returns the work's value and passes on its error, also when calls overlap", async () => {
    const slow = withoutOptimizingCompiler(() => new Promise<string>((resolve) => setTimeout(() => resolve("drawn"), 20)));
    await expect(withoutOptimizingCompiler(() => Promise.reject(new Error("bad spec")))).rejects.toThrow("bad spec");
    expect(await slow).toBe("drawn");
  });
});
