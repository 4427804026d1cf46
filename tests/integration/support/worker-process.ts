import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

export type WorkerProcess = {
  child: ChildProcess;
  /** Resolves with the exit code (null when a signal ended it) and the signal, if any. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The JSON log lines the process wrote so far. */
  logLines(): Record<string, unknown>[];
  /** Resolves with the first log line `matches` accepts. */
  waitForLog(
    matches: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
};

/**
 * `npm run worker` as one process on the test database (the tsx loader runs in-process, so a
 * signal hits the worker itself, not a launcher), with `env` on top of the test environment.
 */
export function spawnWorkerProcess(env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
    { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const lines: Record<string, unknown>[] = [];
  let partial = "";
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const part of parts) lines.push(parseLogLine(part));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

  return {
    child,
    exited,
    logLines: () => lines,
    async waitForLog(matches, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines.find(matches);
        if (found) return found;
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error("the worker process did not log the expected line");
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

function parseLogLine(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? { ...parsed } : { text };
  } catch {
    return { text };
  }
}
