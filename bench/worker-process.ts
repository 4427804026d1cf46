import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** A job worker in a process of its own, started the way `npm run worker` starts one. */
export type WorkerProcess = {
  pid: number;
  /**
   * Resolves once the worker has logged that it started. Rejects when the process exits first,
   * or has not started within a minute.
   */
  started: Promise<void>;
  /** Why the process ended, when it ended without being stopped; null while it runs. */
  unexpectedExit(): string | null;
  /** Sends SIGTERM and waits for the exit; kills the process when the orderly stop hangs. */
  stop(): Promise<void>;
};

const repoRoot = path.resolve(import.meta.dirname, "..");
/** What `npm run worker` runs, minus npm itself, so the pid is the worker's own. */
const WORKER_ARGS = ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"];
/** The pino line the worker writes once its loop runs; matched as text, not parsed. */
const STARTED_MESSAGE = '"msg":"worker started"';
const START_TIMEOUT_MS = 60_000;
/** Longer than the worker's own shutdown timeout (10 s by default), so it can finish. */
const STOP_TIMEOUT_MS = 15_000;
const STDERR_TAIL_CHARS = 2_000;

/**
 * Worker processes not yet exited. Should the bench end before it stops them (an uncaught
 * error, a signal that `run.ts` turns into an exit), they are sent SIGTERM on the way out rather
 * than left polling a scratch database; that database itself then stays behind.
 */
const liveChildren = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of liveChildren) child.kill("SIGTERM");
});

/**
 * Starts a worker process on the database `databaseUrl` names. It logs at info, so the bench can
 * see it start; the lines after that, one per attempt, are read and dropped, since a full pipe
 * would stall the worker. Its idle poll is 50 ms, so jobs that become due through a plain update
 * (which wakes no one) are claimed within 50 ms.
 */
export function spawnWorkerProcess(databaseUrl: string): WorkerProcess {
  const child = spawn(process.execPath, WORKER_ARGS, {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SWITCHYARD_ALLOW_PRIVATE_NETWORKS: "1",
      SWITCHYARD_LOG_LEVEL: "info",
      SWITCHYARD_EMBEDDED_WORKER: "0",
      SWITCHYARD_WORKER_IDLE_POLL_MS: "50",
    },
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
    child.once("exit", (code, signal) => {
      exitDescription = signal ? `killed by ${signal}` : `exited with code ${code}`;
      liveChildren.delete(child);
      resolve();
    });
    child.once("error", (error) => {
      exitDescription = `could not run: ${error.message}`;
      liveChildren.delete(child);
      resolve();
    });
  });
  const describeExit = (when = "") => {
    const stderr = stderrTail.trim();
    return `worker process ${child.pid} ${exitDescription}${when}${stderr ? `:\n${stderr}` : ""}`;
  };

  const started = waitForStartedLine(child.stdout, exited, describeExit);
  // Callers may await only some of these (one rejection ends a Promise.all); none may go unheard.
  started.catch(() => undefined);

  return {
    pid: child.pid ?? Number.NaN,
    started,
    unexpectedExit: () => (exitDescription !== null && !isStopping ? describeExit() : null),
    async stop() {
      if (exitDescription !== null) return;
      isStopping = true;
      child.kill("SIGTERM");
      if (await settlesWithin(exited, STOP_TIMEOUT_MS)) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

function waitForStartedLine(
  stdout: NodeJS.ReadableStream,
  exited: Promise<void>,
  describeExit: (when: string) => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let head = "";
    let isStarted = false;
    const timer = setTimeout(
      () => reject(new Error(`worker process did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    stdout.setEncoding("utf8");
    stdout.on("data", (chunk: string) => {
      if (isStarted) return;
      head += chunk;
      if (!head.includes(STARTED_MESSAGE)) return;
      isStarted = true;
      head = "";
      clearTimeout(timer);
      resolve();
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(describeExit(" before it started")));
    });
  });
}

async function settlesWithin(promise: Promise<void>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([promise.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
