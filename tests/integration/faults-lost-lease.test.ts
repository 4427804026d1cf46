import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { enqueueJob } from "@/lib/queue/enqueue-job";
import { startWorker, type JobHandler, type JobOutcome, type Worker } from "@/lib/queue/worker";
import { eventually } from "./support/run-worker";

const LEASE_MS = 1200;

// Each test leaves a job behind on purpose (claimed by a worker that no longer exists).
afterEach(async () => {
  await getDb().job.deleteMany();
});

/** A handler that reports when it starts and finishes only when the test says so. */
function gatedHandler() {
  let started: (() => void) | undefined;
  let release: ((outcome: JobOutcome) => void) | undefined;
  const hasStarted = new Promise<void>((resolve) => (started = resolve));
  const calls: string[] = [];
  const handler: JobHandler = (job) => {
    calls.push(job.id);
    started?.();
    return new Promise<JobOutcome>((resolve) => (release = resolve));
  };
  return { handler, calls, hasStarted, finish: (outcome: JobOutcome) => release?.(outcome) };
}

async function enqueueOne(): Promise<string> {
  const db = getDb();
  const job = await db.$transaction((tx) =>
    enqueueJob(tx, { kind: "execute_run", subjectId: `subject-${Date.now()}` }),
  );
  return job.id;
}

function startGatedWorker(handler: JobHandler, workerId: string): Worker {
  return startWorker({
    db: getDb(),
    handlers: { execute_run: handler, attempt_delivery: handler },
    leaseMs: LEASE_MS,
    concurrency: 1,
    idlePollMs: 50,
    workerId,
  });
}

/**
 * Holds the database's write lock from another process for `ms`, as a busy writer would: SQLite's
 * whole-file lock, or on PostgreSQL a lock on the job table that blocks every write to it.
 */
async function lockDatabaseFor(ms: number): Promise<void> {
  const database = getConfig().database;
  const script =
    database.kind === "sqlite"
      ? `
    const db = new (require("better-sqlite3"))(process.argv[1]);
    db.exec("BEGIN EXCLUSIVE");
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); }, Number(process.argv[2]));
  `
      : `
    const client = new (require("pg").Client)({ connectionString: process.argv[1] });
    (async () => {
      await client.connect();
      await client.query("BEGIN");
      await client.query('LOCK TABLE "Job" IN EXCLUSIVE MODE');
      process.stdout.write("locked\\n");
      setTimeout(async () => { await client.query("COMMIT"); await client.end(); }, Number(process.argv[2]));
    })();
  `;
  const target = database.kind === "sqlite" ? database.path : database.url;
  const child = spawn(process.execPath, ["-e", script, target, String(ms)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  child.on("exit", () => undefined);
}

describe("a worker whose lease is lost", () => {
  it("stops renewing and drops its outcome when another worker claimed the job meanwhile", async () => {
    const db = getDb();
    const jobId = await enqueueOne();
    const gate = gatedHandler();
    const worker = startGatedWorker(gate.handler, "worker-a");
    try {
      await gate.hasStarted;
      // What worker B's claim does once A's lease has run out.
      const takenUntil = new Date(Date.now() + 60_000);
      await db.job.update({
        where: { id: jobId },
        data: { lockedBy: "worker-b", lockedUntil: takenUntil, attempts: { increment: 1 } },
      });
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS));
      gate.finish({ type: "done" });
      await eventually(async () => worker.state().processedJobs === 1);

      const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job).toMatchObject({ status: "running", lockedBy: "worker-b", attempts: 2 });
      expect(job.lockedUntil).toEqual(takenUntil);
    } finally {
      await worker.stop(0);
    }
  });

  it("drops its outcome when it claimed the same job again itself after its lease ran out", async () => {
    const db = getDb();
    const jobId = await enqueueOne();
    const gate = gatedHandler();
    const worker = startGatedWorker(gate.handler, "worker-c");
    try {
      await gate.hasStarted;
      // The second claim by the same worker: same lockedBy, a new attempt number.
      await db.job.update({ where: { id: jobId }, data: { attempts: { increment: 1 } } });
      gate.finish({ type: "retry_at", runAt: new Date(), reason: "stale claim" });
      await eventually(async () => worker.state().processedJobs === 1);

      const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job).toMatchObject({ status: "running", lockedBy: "worker-c", attempts: 2 });
      expect(job.lastError).toBeNull();
    } finally {
      await worker.stop(0);
    }
  });
});

describe("a lease renewed while the database is briefly locked by another process", () => {
  it("keeps the job with its worker: a second worker never runs it, and it ends done", async () => {
    const db = getDb();
    const jobId = await enqueueOne();
    const gate = gatedHandler();
    const rival = gatedHandler();
    const owner = startGatedWorker(gate.handler, "worker-owner");
    await gate.hasStarted;
    const other = startGatedWorker(rival.handler, "worker-rival");
    try {
      await lockDatabaseFor(LEASE_MS * 0.75);
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2.5));
      gate.finish({ type: "done" });
      await eventually(() => db.job.findFirst({ where: { id: jobId, status: "done" } }));

      expect(gate.calls).toEqual([jobId]);
      expect(rival.calls).toEqual([]);
    } finally {
      await Promise.all([owner.stop(0), other.stop(0)]);
    }
  });
});
