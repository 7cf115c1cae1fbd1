/**
 * A real PostgreSQL server for the tests, from Debian's `postgresql` package: initdb in a
 * temporary folder, started by pg_ctl on a unix socket in that folder (no TCP port), stopped and
 * removed by `stop()`. initdb refuses to run as root, so as root (CI, this machine) the server runs
 * as the `postgres` user the package creates, through `runuser`.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface PostgresServer {
  client: pg.Client;
  stop(): Promise<void>;
}

/** The folder of PostgreSQL's programs (the newest version installed), or undefined. */
function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  if (bin === undefined) throw new Error("PostgreSQL is not installed: apt-get install postgresql (.ci/run does)");
  const folder = mkdtempSync(join(tmpdir(), "svyprop-pg-"));
  const data = join(folder, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const command = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, program), ...args]] : [join(bin, program), args];
    execFileSync(command[0] as string, command[1] as string[], { stdio: "pipe" });
  };
  if (asRoot) {
    const { uid, gid } = userIds("postgres");
    chownSync(folder, uid, gid);
    chmodSync(folder, 0o700);
  }
  run("initdb", ["-D", data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--no-sync"]);
  const options = `-k ${folder} -c listen_addresses='' -c fsync=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", join(folder, "log"), "-w", "start"]);
  const client = new pg.Client({ host: folder, user: "postgres", database: "postgres" });
  await client.connect();
  return {
    client,
    async stop() {
      await client.end();
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim()));
  return { uid: uid as number, gid: gid as number };
}
