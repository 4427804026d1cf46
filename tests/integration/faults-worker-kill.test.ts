import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { fanOutGraph, ingestEvents, messageIdOf } from "./support/fault-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually } from "./support/run-worker";
import { createTestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";
import { spawnWorkerProcess, type WorkerProcess } from "./support/worker-process";

const DELIVERIES = 1000;
/** Each event fans out to this many deliveries, so 50 runs make the 1,000. */
const SENDS_PER_EVENT = 20;
/** The process worker's concurrency: the most jobs a kill can interrupt. */
const WORKER_CONCURRENCY = 8;
const workerEnv = { SWITCHYARD_JOB_LEASE_MS: "1500", SWITCHYARD_DELIVERY_SCHEDULE_MS: "100,200" };

const workers: WorkerProcess[] = [];
const receivers: Receiver[] = [];

afterAll(async () => {
  for (const worker of workers) worker.child.kill("SIGKILL");
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

describe("a worker killed with SIGKILL in the middle of 1,000 deliveries", () => {
  it("loses none: another worker finishes every delivery after the lease, with duplicates only for the jobs in flight", async () => {
    const db = getDb();
    // Four endpoints whose answers take 50 to 150 ms, spread evenly: the kill finds every
    // slot busy, and a limit on deliveries per endpoint still leaves the worker busy.
    for (let i = 0; i < 4; i += 1) {
      receivers.push(
        await startReceiver((_request, index) => ({
          status: 200,
          delayMs: 50 + ((index * 37) % 101),
        })),
      );
    }
    const editor = await createTestUser("editor");
    const graph = fanOutGraph(
      receivers.map((receiver) => receiver.url),
      SENDS_PER_EVENT,
    );
    const { token } = await createActiveWorkflow(editor, graph);

    const ingestStartedAt = Date.now();
    await ingestEvents(token, DELIVERIES / SENDS_PER_EVENT);
    const ingestMs = Date.now() - ingestStartedAt;
    const received = () => receivers.flatMap((receiver) => receiver.requests);

    const first = spawnWorkerProcess(workerEnv);
    workers.push(first);
    await eventually(async () => received().length >= DELIVERIES / 3, 40_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const killedAt = Date.now();
    const sentBeforeKill = received().length;
    const runningAtKill = await db.job.count({ where: { status: "running" } });

    const second = spawnWorkerProcess(workerEnv);
    workers.push(second);
    await eventually(
      async () =>
        (await db.delivery.count({ where: { status: { in: ["delivered", "failed"] } } })) ===
        DELIVERIES,
      45_000,
    );
    const recoveryMs = Date.now() - killedAt;
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);

    const deliveries = await db.delivery.findMany({
      select: { messageId: true, status: true, attempts: true },
    });
    expect(deliveries).toHaveLength(DELIVERIES);
    expect(deliveries.every((delivery) => delivery.status === "delivered")).toBe(true);

    const messageIds = received().map((request) => messageIdOf(request.headers));
    expect(new Set(messageIds)).toEqual(new Set(deliveries.map((delivery) => delivery.messageId)));
    const duplicates = messageIds.length - DELIVERIES;
    expect(duplicates).toBeLessThanOrEqual(WORKER_CONCURRENCY);
    expect(duplicates).toBeLessThanOrEqual(runningAtKill);

    // Every attempt a worker lived to finish is an exchange, once; the attempts cut off by the
    // kill left no exchange (the process died before writing it) and are the duplicates.
    const exchanges = await db.exchange.findMany({
      where: { kind: "webhook_attempt" },
      select: { deliveryId: true, attempt: true },
    });
    const totalAttempts = deliveries.reduce((sum, delivery) => sum + delivery.attempts, 0);
    expect(exchanges).toHaveLength(totalAttempts);
    expect(new Set(exchanges.map((e) => `${e.deliveryId}#${e.attempt}`)).size).toBe(totalAttempts);
    expect(messageIds.length - exchanges.length).toBe(duplicates);

    expect(await db.job.count({ where: { status: { not: "done" } } })).toBe(0);
    expect(await db.run.count({ where: { status: { not: "succeeded" } } })).toBe(0);

    console.info(
      `worker kill: ingest ${DELIVERIES / SENDS_PER_EVENT} events ${ingestMs} ms; sent before kill ${sentBeforeKill}; ` +
        `jobs running at kill ${runningAtKill}; duplicates ${duplicates}; ` +
        `kill to all delivered ${recoveryMs} ms`,
    );
  }, 90_000);
});
