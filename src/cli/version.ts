import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../load/node/packageRoot";

/** The version in svyprop's own package.json, as `svyprop --version` prints it. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}
