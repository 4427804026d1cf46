import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * A server the bench runs in a process of its own, once it has said where it listens; or a
 * process that measures something and says what it found on the same line.
 */
export type ServerProcess<Ready> = {
  pid: number;
  /**
   * What the process announced once listening; rejects when it exits first or takes longer than
   * its start timeout (a minute unless the caller says otherwise).
   */
  ready: Promise<Ready>;
  /** Why the process ended, when it ended without being stopped; null while it runs. */
  unexpectedExit(): string | null;
  /** Sends SIGTERM and waits for the exit; kills the process when the orderly stop hangs. */
  stop(): Promise<void>;
};

/** The line prefix a bench server writes once it listens, followed by JSON about itself. */
export const READY_PREFIX = "bench-server-ready ";

const repoRoot = path.resolve(import.meta.dirname, "..");
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const STDERR_TAIL_CHARS = 2_000;

/** Like worker processes, servers left running when the bench exits early get SIGTERM. */
const liveChildren = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of liveChildren) child.kill("SIGTERM");
});

/**
 * Runs `script` (a path from the repository root) under tsx with the react-server condition, as
 * `npm run worker` runs the worker, with `env` over the bench's own environment. `parseReady`
 * turns the JSON of its ready line into what the caller needs. Output after that line is read
 * and dropped, so a full pipe cannot stall the server.
 */
export function spawnServerProcess<Ready>(
  script: string,
  env: Record<string, string>,
  parseReady: (json: unknown) => Ready,
  { startTimeoutMs = START_TIMEOUT_MS }: { startTimeoutMs?: number } = {},
): ServerProcess<Ready> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  liveChildren.add(child);

  let stderrTail = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
  });

  let exitDescription: string | null = null;
  let isStopping = false;
  const exited = new Promise<void>((resolve) => {
    const settle = (description: string) => {
      exitDescription ??= description;
      liveChildren.delete(child);
      resolve();
    };
    child.once("exit", (code, signal) =>
      settle(signal ? `killed by ${signal}` : `exited with code ${code}`),
    );
    child.once("error", (error) => settle(`could not run: ${error.message}`));
  });
  const describeExit = (when = "") => {
    const stderr = stderrTail.trim();
    return `${script} (pid ${child.pid}) ${exitDescription}${when}${stderr ? `:\n${stderr}` : ""}`;
  };

  const ready = waitForReadyLine(child.stdout, exited, describeExit, startTimeoutMs).then(
    parseReady,
  );
  // A caller that fails before awaiting `ready` must not leave its rejection unheard.
  ready.catch(() => undefined);

  return {
    pid: child.pid ?? Number.NaN,
    ready,
    unexpectedExit: () => (exitDescription !== null && !isStopping ? describeExit() : null),
    async stop() {
      if (exitDescription !== null) return;
      isStopping = true;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitForReadyLine(
  stdout: NodeJS.ReadableStream,
  exited: Promise<void>,
  describeExit: (when: string) => string,
  timeoutMs: number,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let head = "";
    let isReady = false;
    const timer = setTimeout(
      () => reject(new Error(`a bench server was not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
    stdout.setEncoding("utf8");
    stdout.on("data", (chunk: string) => {
      if (isReady) return;
      head += chunk;
      const start = head.indexOf(READY_PREFIX);
      const end = start === -1 ? -1 : head.indexOf("\n", start);
      if (end === -1) return;
      isReady = true;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(head.slice(start + READY_PREFIX.length, end)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
      head = "";
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(describeExit(" before it was ready")));
    });
  });
}
