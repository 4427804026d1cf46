import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { subscribe } from "../events/event-bus";
import { log } from "../log";
import { claimJobs, nextDueAt, type ClaimedJob } from "./claim-job";
import { finishClaimedJob, type JobFinish } from "./finish-job";
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
  /**
   * Stops claiming, waits up to `timeoutMs` for jobs in flight, then releases the rest so any
   * worker can claim them at once. Resolves when nothing of this worker holds a lease.
   */
  stop(timeoutMs: number): Promise<void>;
};

/** How many times a job whose handler throws is tried before it is marked failed. */
const MAX_CRASHES = 5;

/**
 * Runs jobs from the database: claims under a lease, renews the lease while a handler works,
 * and records the outcome. Handlers own their domain's retry policy (a delivery's schedule);
 * the worker only retries handlers that throw, which means a bug or an unavailable database.
 *
 * Every write about a claimed job is fenced by the claim itself (job id, this worker, and the
 * attempt number the claim set): when a lease ran out and the job was claimed again, by another
 * worker or by this one, the stale claim's outcome is dropped instead of overwriting the new
 * claim. The handler's own writes are not fenced; handlers must be safe to run twice.
 */
export function startWorker(options: WorkerOptions): Worker {
  const now = options.now ?? (() => new Date());
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const idlePollMs = options.idlePollMs ?? 1000;
  const inFlight = new Map<string, { job: ClaimedJob; done: Promise<void> }>();
  const state: WorkerState = { workerId, isRunning: true, lastHeartbeatAt: null, processedJobs: 0 };
  const wakeUp = createWakeUp();

  const unsubscribe = subscribe((message) => {
    if (message.event.type === "job.enqueued") wakeUp.signal();
  });

  /** The row as this claim left it; no other claim of the same job matches it. */
  function claimOf(job: ClaimedJob) {
    return { id: job.id, status: "running", lockedBy: workerId, attempts: job.attempts };
  }

  function fieldsOf(job: ClaimedJob) {
    return { jobId: job.id, workerId, kind: job.kind, attempt: job.attempts };
  }

  async function fillSlots(): Promise<boolean> {
    let claimedAny = false;
    while (state.isRunning && inFlight.size < options.concurrency) {
      const free = options.concurrency - inFlight.size;
      const jobs = await claimJobs(options.db, workerId, options.leaseMs, now(), free);
      if (jobs.length === 0) break;
      claimedAny = true;
      for (const job of jobs) {
        const key = `${job.id}#${job.attempts}`;
        const done = runJob(job).finally(() => {
          inFlight.delete(key);
          wakeUp.signal();
        });
        inFlight.set(key, { job, done });
      }
      if (jobs.length < free) break;
    }
    return claimedAny;
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    const lease = keepLease(job);
    try {
      const outcome = await options.handlers[job.kind](job);
      lease.stop();
      await finishJob(job, outcome);
    } catch (error) {
      lease.stop();
      await recordCrash(job, error);
    } finally {
      state.processedJobs += 1;
    }
  }

  /**
   * Renews the lease every third of its length, so two renewals can fail (a database locked
   * by another writer for a moment) before the lease runs out. Renewal stops once it finds the
   * job claimed by someone else; the handler keeps running, since it cannot be interrupted,
   * and its outcome is then dropped by the fenced write in `finishJob`.
   */
  function keepLease(job: ClaimedJob): { stop(): void } {
    let isRenewing = false;
    let isStopped = false;
    const timer = setInterval(
      () => {
        if (isRenewing) return;
        isRenewing = true;
        void renewLease(job)
          .then((isOurs) => {
            // A renewal that lands after the outcome was written finds nothing; that is no loss.
            if (isOurs || isStopped) return;
            clearInterval(timer);
            log.warn(
              fieldsOf(job),
              "lease lost: the job was claimed again; its outcome will be dropped",
            );
          })
          .finally(() => {
            isRenewing = false;
          });
      },
      Math.max(250, options.leaseMs / 3),
    );
    return {
      stop() {
        isStopped = true;
        clearInterval(timer);
      },
    };
  }

  /** Resolves false when the job is no longer this claim's; true when renewed or unknown. */
  async function renewLease(job: ClaimedJob): Promise<boolean> {
    try {
      const { count } = await options.db.job.updateMany({
        where: claimOf(job),
        data: { lockedUntil: new Date(now().getTime() + options.leaseMs) },
      });
      return count === 1;
    } catch (error) {
      log.warn({ err: error, ...fieldsOf(job) }, "lease renewal failed; retrying");
      return true;
    }
  }

  async function finishJob(job: ClaimedJob, outcome: JobOutcome): Promise<void> {
    const data: JobFinish =
      outcome.type === "done"
        ? { status: "done", lockedBy: null, lockedUntil: null }
        : {
            status: "queued",
            runAt: outcome.runAt,
            lockedBy: null,
            lockedUntil: null,
            lastError: outcome.reason,
          };
    const count = await finishClaimedJob(options.db, claimOf(job), data);
    if (count === 0) {
      log.warn(
        { ...fieldsOf(job), outcome: outcome.type },
        "job outcome dropped: the claim is no longer ours (lease lost or released)",
      );
    }
  }

  async function recordCrash(job: ClaimedJob, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const isFinal = job.attempts >= MAX_CRASHES;
    log.error({ err: error, ...fieldsOf(job), isFinal }, "job handler failed");
    const retryAt = new Date(now().getTime() + 1000 * 2 ** job.attempts);
    try {
      await options.db.job.updateMany({
        where: claimOf(job),
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
      log.error({ err: writeError, ...fieldsOf(job) }, "could not record job failure");
    }
  }

  /**
   * With a free slot, sleeps until the next queued job is due (or `idlePollMs`, which also
   * catches leases that run out). With every slot taken, the due time does not matter: only a
   * finished job frees a slot, and it signals.
   */
  async function waitForWork(hasFreeSlot: boolean): Promise<void> {
    let ms = idlePollMs;
    if (hasFreeSlot) {
      const due = await nextDueAt(options.db, now()).catch(() => null);
      if (due) ms = Math.min(ms, Math.max(0, due.getTime() - now().getTime()));
    }
    await wakeUp.wait(ms);
  }

  async function loop(): Promise<void> {
    while (state.isRunning) {
      state.lastHeartbeatAt = now();
      try {
        const claimedAny = await fillSlots();
        const hasFreeSlot = inFlight.size < options.concurrency;
        if (!claimedAny || !hasFreeSlot) await waitForWork(hasFreeSlot);
      } catch (error) {
        log.error({ err: error, workerId }, "worker loop failed; retrying shortly");
        await wakeUp.wait(idlePollMs);
      }
    }
  }

  async function releaseLeases(): Promise<void> {
    for (const { job } of inFlight.values()) {
      const { count } = await options.db.job.updateMany({
        where: claimOf(job),
        data: { status: "queued", lockedBy: null, lockedUntil: null },
      });
      if (count === 1) log.info(fieldsOf(job), "job released at shutdown");
    }
  }

  async function drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const jobs = [...inFlight.values()].map((entry) => entry.done);
    const drained = Promise.all(jobs).then(() => true);
    try {
      return await Promise.race([drained, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  const looping = loop();
  log.info({ workerId, concurrency: options.concurrency }, "worker started");

  return {
    state: () => ({ ...state }),
    async stop(timeoutMs) {
      state.isRunning = false;
      unsubscribe();
      wakeUp.signal();
      await looping;
      log.info({ workerId, inFlight: inFlight.size, timeoutMs }, "worker stopping");
      if (!(await drain(timeoutMs))) await releaseLeases();
      log.info({ workerId, processedJobs: state.processedJobs }, "worker stopped");
    },
  };
}

/**
 * A wake-up that is not lost when it comes while nobody waits: a job that finishes while the
 * loop is claiming makes the next wait return at once instead of sleeping a full poll.
 */
function createWakeUp(): { signal(): void; wait(ms: number): Promise<void> } {
  let isPending = false;
  let resolveWait: (() => void) | null = null;
  return {
    signal() {
      isPending = true;
      resolveWait?.();
    },
    async wait(ms) {
      if (!isPending) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          resolveWait = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        resolveWait = null;
      }
      isPending = false;
    },
  };
}
