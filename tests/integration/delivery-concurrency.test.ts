import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { claimJob } from "@/lib/queue/claim-job";
import type { Worker } from "@/lib/queue/worker";
import { createPendingDeliveries } from "./support/delivery-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually, startTestWorker } from "./support/run-worker";
import { createTestUser, type TestUser } from "./support/session";

let editor: TestUser;
const receivers: Receiver[] = [];
let worker: Worker | undefined;

beforeAll(async () => {
  editor = await createTestUser("editor");
});

afterAll(async () => {
  // Closing the receivers first cuts hanging attempts short, so the worker stops at once.
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await worker?.stop(5000);
});

describe("per-endpoint concurrency", () => {
  it("delivers 5 messages to a healthy endpoint within 2 s while 20 to another hang for 10 s", async () => {
    const slow = await startReceiver(() => ({ status: 200, delayMs: 10_000 }));
    const healthy = await startReceiver(() => ({ status: 200 }));
    receivers.push(slow, healthy);
    // The slow deliveries come first, so every one of them is due before the healthy ones.
    const sends = [
      ...Array.from({ length: 20 }, () => ({ url: `${slow.url}/hook`, timeoutMs: 15_000 })),
      ...Array.from({ length: 5 }, () => ({ url: `${healthy.url}/hook` })),
    ];
    const { runId } = await createPendingDeliveries(editor, sends);
    const db = getDb();

    const startedAt = Date.now();
    worker = startTestWorker();
    await eventually(
      async () =>
        (await db.delivery.count({ where: { runId, status: "delivered" } })) === 5 || null,
      5_000,
    );
    const elapsedMs = Date.now() - startedAt;

    expect(elapsedMs).toBeLessThan(2_000);
    expect(healthy.requests).toHaveLength(5);
    expect(slow.requests).toHaveLength(2);
    const delivered = await db.delivery.findMany({ where: { runId, status: "delivered" } });
    expect(delivered.every((delivery) => delivery.endpointUrl.startsWith(healthy.url))).toBe(true);

    await Promise.all(receivers.map((receiver) => receiver.close()));
    await worker.stop(5000);
    worker = undefined;
  });
});

describe("claimJob", () => {
  beforeEach(async () => {
    await getDb().job.deleteMany({ where: { status: { in: ["queued", "running"] } } });
  });

  it("passes over jobs whose key already has two running under live leases", async () => {
    const db = getDb();
    const now = new Date("2030-01-01T00:00:00.000Z");
    const key = `endpoint:test-${Date.now()}`;
    const lockedUntil = new Date(now.getTime() + 60_000);
    const past = new Date(now.getTime() - 60_000);
    await db.job.createMany({
      data: [
        {
          kind: "attempt_delivery",
          subjectId: "a",
          status: "running",
          concurrencyKey: key,
          lockedUntil,
          runAt: past,
        },
        {
          kind: "attempt_delivery",
          subjectId: "b",
          status: "running",
          concurrencyKey: key,
          lockedUntil,
          runAt: past,
        },
        {
          kind: "attempt_delivery",
          subjectId: "c",
          status: "queued",
          concurrencyKey: key,
          runAt: past,
        },
      ],
    });

    const blocked = await claimJob(db, "w1", 1000, now, { maxRunningPerKey: 2 });
    expect(blocked?.subjectId).not.toBe("c");
    const allowed = await claimJob(db, "w1", 1000, now, { maxRunningPerKey: 3 });
    expect(allowed?.subjectId).toBe("c");
  });

  it("counts a running job whose lease ran out as no longer running", async () => {
    const db = getDb();
    const now = new Date("2031-01-01T00:00:00.000Z");
    const key = `endpoint:expired-${Date.now()}`;
    const expired = new Date(now.getTime() - 1000);
    await db.job.createMany({
      data: [
        {
          kind: "attempt_delivery",
          subjectId: "x",
          status: "running",
          concurrencyKey: key,
          lockedUntil: expired,
          runAt: expired,
        },
        {
          kind: "attempt_delivery",
          subjectId: "y",
          status: "running",
          concurrencyKey: key,
          lockedUntil: expired,
          runAt: expired,
        },
      ],
    });

    const first = await claimJob(db, "w2", 1000, now, { maxRunningPerKey: 2 });
    const second = await claimJob(db, "w2", 1000, now, { maxRunningPerKey: 2 });
    expect([first?.subjectId, second?.subjectId].sort()).toEqual(["x", "y"]);
  });
});
