import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { fanOutGraph, ingestEvents, messageIdOf } from "./support/fault-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually } from "./support/run-worker";
import { createTestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";
import { spawnWorkerProcess, type WorkerProcess } from "./support/worker-process";

const SHUTDOWN_TIMEOUT_MS = 3000;
const workerEnv = {
  SWITCHYARD_JOB_LEASE_MS: "1500",
  SWITCHYARD_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  SWITCHYARD_LOG_LEVEL: "info",
};

const workers: WorkerProcess[] = [];
const receivers: Receiver[] = [];

afterAll(async () => {
  for (const worker of workers) worker.child.kill("SIGKILL");
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

describe("a worker stopped with SIGTERM while deliveries are in flight", () => {
  it("stops claiming, lets quick jobs finish, releases the rest within the timeout, exits 0, and the released work completes after a restart", async () => {
    const db = getDb();
    let isHangingReceiverFixed = false;
    // One endpoint answers within the shutdown timeout, the other not before the test ends.
    const quick = await startReceiver(() => ({ status: 200, delayMs: 1500 }));
    const hanging = await startReceiver(() => ({
      status: 200,
      delayMs: isHangingReceiverFixed ? 0 : 60_000,
    }));
    receivers.push(quick, hanging);
    const editor = await createTestUser("editor");
    const { token } = await createActiveWorkflow(editor, fanOutGraph([quick.url, hanging.url], 6));
    await ingestEvents(token, 2);

    const first = spawnWorkerProcess(workerEnv);
    workers.push(first);
    const started = await first.waitForLog((line) => line.msg === "worker started");
    const workerId = String(started.workerId);
    await eventually(async () => quick.requests.length >= 2 && hanging.requests.length >= 2);
    const sentAtSigterm = { quick: quick.requests.length, hanging: hanging.requests.length };
    const sigtermAt = Date.now();
    first.child.kill("SIGTERM");
    const exit = await first.exited;
    const shutdownMs = Date.now() - sigtermAt;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(shutdownMs).toBeLessThanOrEqual(SHUTDOWN_TIMEOUT_MS + 2000);
    expect({ quick: quick.requests.length, hanging: hanging.requests.length }).toEqual(
      sentAtSigterm,
    );
    expect(await db.job.count({ where: { status: "running" } })).toBe(0);
    expect(await db.job.count({ where: { lockedBy: workerId } })).toBe(0);
    expect(await db.delivery.count({ where: { status: "delivered" } })).toBe(sentAtSigterm.quick);
    const released = first.logLines().filter((line) => line.msg === "job released at shutdown");
    expect(released).toHaveLength(sentAtSigterm.hanging);
    expect(released.every((line) => line.workerId === workerId && line.jobId)).toBe(true);

    isHangingReceiverFixed = true;
    const second = spawnWorkerProcess(workerEnv);
    workers.push(second);
    await eventually(
      async () => (await db.delivery.count({ where: { status: "delivered" } })) === 12,
      30_000,
    );
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);

    const deliveries = await db.delivery.findMany({ select: { messageId: true } });
    const received = [...quick.requests, ...hanging.requests].map((r) => messageIdOf(r.headers));
    expect(new Set(received)).toEqual(new Set(deliveries.map((delivery) => delivery.messageId)));
    expect(received.length - deliveries.length).toBe(released.length);
    expect(await db.job.count({ where: { status: { not: "done" } } })).toBe(0);

    console.info(
      `sigterm: in flight ${sentAtSigterm.quick} quick + ${sentAtSigterm.hanging} hanging; ` +
        `exit ${shutdownMs} ms after SIGTERM (timeout ${SHUTDOWN_TIMEOUT_MS} ms); ` +
        `released ${released.length}`,
    );
  }, 60_000);
});
