import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { subscribe } from "../events/event-bus";
import { log } from "../log";
import { claimJob, nextDueAt, type ClaimedJob } from "./claim-job";
import type { JobKind } from "./enqueue-job";

/** What a handler decides about its job: finished, or to be run again at a given time. */
export type JobOutcome = { type: "done" } | { type: "retry_at"; runAt: Date; reason: string };
export type JobHandler = (job: ClaimedJob) => Promise<JobOutcome>;

export type WorkerOptions = {
  db: Db;
  handlers: Record<JobKind, JobHandler>;
  leaseMs: number;
  concurrency: number;
  /** Longest an idle worker sleeps before looking again; wake-ups usually come sooner. */
  idlePollMs?: number;
  workerId?: string;
  now?: () => Date;
};

export type WorkerState = {
  workerId: string;
  isRunning: boolean;
  lastHeartbeatAt: Date | null;
  processedJobs: number;
};

export type Worker = {
  state(): WorkerState;
  /** Stops claiming, waits up to `timeoutMs` for jobs in flight, then releases the rest. */
  stop(timeoutMs: number): Promise<void>;
};

/** How many times a job whose handler throws is tried before it is marked failed. */
const MAX_CRASHES = 5;

/**
 * Runs jobs from the database: claims under a lease, renews the lease while a handler works,
 * and records the outcome. Handlers own their domain's retry policy (a delivery's schedule);
 * the worker only retries handlers that throw, which means a bug or an unavailable database.
 */
export function startWorker(options: WorkerOptions): Worker {
  const now = options.now ?? (() => new Date());
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const idlePollMs = options.idlePollMs ?? 1000;
  const inFlight = new Map<string, Promise<void>>();
  const state: WorkerState = { workerId, isRunning: true, lastHeartbeatAt: null, processedJobs: 0 };
  let wake: (() => void) | null = null;

  const unsubscribe = subscribe((message) => {
    if (message.event.type === "job.enqueued") wake?.();
  });

  async function fillSlots(): Promise<boolean> {
    let claimedAny = false;
    while (state.isRunning && inFlight.size < options.concurrency) {
      const job = await claimJob(options.db, workerId, options.leaseMs, now());
      if (!job) break;
      claimedAny = true;
      const done = runJob(job).finally(() => {
        inFlight.delete(job.id);
        wake?.();
      });
      inFlight.set(job.id, done);
    }
    return claimedAny;
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    const renew = setInterval(() => void renewLease(job.id), Math.max(250, options.leaseMs / 3));
    try {
      const outcome = await options.handlers[job.kind](job);
      await finishJob(job, outcome);
    } catch (error) {
      await recordCrash(job, error);
    } finally {
      clearInterval(renew);
      state.processedJobs += 1;
    }
  }

  async function renewLease(jobId: string): Promise<void> {
    try {
      await options.db.job.updateMany({
        where: { id: jobId, lockedBy: workerId, status: "running" },
        data: { lockedUntil: new Date(now().getTime() + options.leaseMs) },
      });
    } catch (error) {
      log.warn({ err: error, jobId, workerId }, "lease renewal failed");
    }
  }

  async function finishJob(job: ClaimedJob, outcome: JobOutcome): Promise<void> {
    const data =
      outcome.type === "done"
        ? { status: "done", lockedBy: null, lockedUntil: null }
        : {
            status: "queued",
            runAt: outcome.runAt,
            lockedBy: null,
            lockedUntil: null,
            lastError: outcome.reason,
          };
    await options.db.job.updateMany({ where: { id: job.id, lockedBy: workerId }, data });
  }

  async function recordCrash(job: ClaimedJob, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const isFinal = job.attempts >= MAX_CRASHES;
    log.error(
      { err: error, jobId: job.id, kind: job.kind, attempt: job.attempts, isFinal },
      "job handler failed",
    );
    const retryAt = new Date(now().getTime() + 1000 * 2 ** job.attempts);
    try {
      await options.db.job.updateMany({
        where: { id: job.id, lockedBy: workerId },
        data: isFinal
          ? { status: "failed", lockedBy: null, lockedUntil: null, lastError: message }
          : {
              status: "queued",
              runAt: retryAt,
              lockedBy: null,
              lockedUntil: null,
              lastError: message,
            },
      });
    } catch (writeError) {
      // The lease runs out and another claim retries it; nothing is lost.
      log.error({ err: writeError, jobId: job.id }, "could not record job failure");
    }
  }

  async function sleepUntilWoken(): Promise<void> {
    let ms = idlePollMs;
    const due = await nextDueAt(options.db).catch(() => null);
    if (due) ms = Math.min(ms, Math.max(0, due.getTime() - now().getTime()));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    wake = null;
  }

  async function loop(): Promise<void> {
    while (state.isRunning) {
      state.lastHeartbeatAt = now();
      try {
        const claimedAny = await fillSlots();
        if (!claimedAny || inFlight.size >= options.concurrency) await sleepUntilWoken();
      } catch (error) {
        log.error({ err: error, workerId }, "worker loop failed; retrying shortly");
        await new Promise((resolve) => setTimeout(resolve, idlePollMs));
      }
    }
  }

  const looping = loop();
  log.info({ workerId, concurrency: options.concurrency }, "worker started");

  return {
    state: () => ({ ...state }),
    async stop(timeoutMs) {
      state.isRunning = false;
      wake?.();
      unsubscribe();
      await looping;
      const drained = Promise.all(inFlight.values()).then(() => true);
      const timedOut = new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(false), timeoutMs),
      );
      if (!(await Promise.race([drained, timedOut]))) await releaseLeases();
      log.info({ workerId }, "worker stopped");
    },
  };

  async function releaseLeases(): Promise<void> {
    await options.db.job.updateMany({
      where: { lockedBy: workerId, status: "running" },
      data: { status: "queued", lockedBy: null, lockedUntil: null },
    });
  }
}
