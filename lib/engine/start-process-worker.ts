import { getDb } from "../db/client";
import { getConfig } from "../env";
import { log } from "../log";
import { startWorker, type Worker } from "../queue/worker";
import { startRetentionPruner } from "../retention/start-retention-pruner";
import { startScheduler } from "../schedules/start-scheduler";
import { getProcessWorker, registerProcessWorker } from "../queue/worker-registry";
import { createJobHandlers } from "./job-handlers";

const CONCURRENCY = 8;

/** How often the process looks for due Schedule triggers: a tick starts its run this late at most. */
const SCHEDULE_INTERVAL_MS = 5000;

/**
 * Starts this process's job worker, once, on the configured database, and stops it on SIGTERM
 * or SIGINT: no new claims, jobs in flight get the shutdown timeout to finish, and whatever is
 * left is released so the next start picks it up at once. The process then exits 0, or 1 when
 * the release could not be written (those leases run out instead). A second signal during the
 * shutdown ends the process at once. The retention pruner runs beside it and stops with it,
 * between two batches, and so does the scheduler that fires Schedule triggers. The web process calls this in the embedded mode;
 * `npm run worker` calls it in a process of its own.
 */
export function startProcessWorker(): Worker {
  const running = getProcessWorker();
  if (running) return running;

  const config = getConfig();
  const db = getDb();
  const worker = startWorker({
    db,
    handlers: createJobHandlers(db, config),
    leaseMs: config.jobLeaseMs,
    concurrency: CONCURRENCY,
    idlePollMs: config.workerIdlePollMs,
  });
  registerProcessWorker(worker);
  const pruner = startRetentionPruner({
    db,
    database: config.database,
    intervalMs: config.retentionPruneIntervalMs,
  });
  const scheduler = startScheduler({ db, intervalMs: SCHEDULE_INTERVAL_MS });

  const shutdown = (signal: string) => {
    const { workerId } = worker.state();
    log.info({ signal, workerId, timeoutMs: config.shutdownTimeoutMs }, "stopping the worker");
    Promise.all([worker.stop(config.shutdownTimeoutMs), pruner.stop(), scheduler.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error, workerId }, "the worker did not stop cleanly");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  return worker;
}
