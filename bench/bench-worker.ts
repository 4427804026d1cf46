import type { Db } from "../lib/db/client";
import { createJobHandlers } from "../lib/engine/job-handlers";
import { getConfig } from "../lib/env";
import { startWorker, type Worker } from "../lib/queue/worker";

const STOP_TIMEOUT_MS = 10_000;
const PROGRESS_POLL_MS = 10;

/**
 * A worker wired as `startProcessWorker` wires it (same handlers, lease, idle poll), on the
 * scenario's own database instead of the process-wide one.
 */
export function startBenchWorker(db: Db, concurrency: number): Worker {
  const config = getConfig();
  return startWorker({
    db,
    handlers: createJobHandlers(db, config),
    leaseMs: config.jobLeaseMs,
    concurrency,
  });
}

/**
 * Resolves once the worker has finished `count` jobs in total. Throws when no job finishes for
 * `stallMs`, so a broken worker ends the run with a message instead of hanging it.
 */
export async function waitForProcessedJobs(
  worker: Worker,
  count: number,
  stallMs = 30_000,
): Promise<void> {
  let lastCount = worker.state().processedJobs;
  let lastProgressAt = Date.now();
  while (lastCount < count) {
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
    const processed = worker.state().processedJobs;
    if (processed > lastCount) {
      lastCount = processed;
      lastProgressAt = Date.now();
    } else if (Date.now() - lastProgressAt > stallMs) {
      throw new Error(`The worker stalled at ${processed} of ${count} jobs`);
    }
  }
}

/** Stops the worker, giving jobs in flight the time a process shutdown gives them. */
export function stopBenchWorker(worker: Worker): Promise<void> {
  return worker.stop(STOP_TIMEOUT_MS);
}
