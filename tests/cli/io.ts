import type { CliIO } from "../../src/cli/command";

/** A CliIO that records what a command prints, for in-process CLI tests. */
export function captureIO(): CliIO & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    isTTY: false,
    out: () => out,
    err: () => err,
  };
}
