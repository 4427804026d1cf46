import { getDb } from "../db/client";
import { getConfig } from "../env";
import { log } from "../log";
import { startWorker, type Worker } from "../queue/worker";
import { getEmbeddedWorker, registerEmbeddedWorker } from "../queue/worker-registry";
import { createJobHandlers } from "./job-handlers";

const CONCURRENCY = 8;
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Starts this process's job worker, once, on the configured database, and stops it on SIGTERM
 * or SIGINT: no new claims, jobs in flight get the shutdown timeout to finish, and whatever is
 * left is released so the next start picks it up at once. The web process calls it in the
 * embedded mode; `npm run worker` calls it in a process of its own.
 */
export function startProcessWorker(): Worker {
  const running = getEmbeddedWorker();
  if (running) return running;

  const config = getConfig();
  const db = getDb();
  const worker = startWorker({
    db,
    handlers: createJobHandlers(db, config),
    leaseMs: config.jobLeaseMs,
    concurrency: CONCURRENCY,
  });
  registerEmbeddedWorker(worker);

  const shutdown = (signal: string) => {
    log.info({ signal }, "stopping the worker");
    void worker.stop(SHUTDOWN_TIMEOUT_MS).finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  return worker;
}
