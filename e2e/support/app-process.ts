import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

/**
 * The built app in a process of its own, as `npm start` runs it, on a SQLite file of its own:
 * for browser tests that stop and start the server, which Playwright's shared server cannot.
 */
export type AppProcess = { url: string; stop: () => Promise<void> };

/** A fresh data directory for `startApp`; the SQLite file in it outlasts restarts. */
export function freshDataDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** Starts the app on `port` with its database in `dataDir`, resolving once sign-in answers. */
export async function startApp(port: number, dataDir: string): Promise<AppProcess> {
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:./${dataDir}/switchyard.db`,
    SWITCHYARD_EMBEDDED_WORKER: "1",
    SWITCHYARD_ALLOW_PRIVATE_NETWORKS: "1",
    SWITCHYARD_LOG_LEVEL: "warn",
  };
  const child = spawn("node", ["scripts/start.mjs"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://localhost:${port}`;
  await waitUntilServing(`${url}/signin`, child);
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`the app did not answer ${url} within a minute`);
}
