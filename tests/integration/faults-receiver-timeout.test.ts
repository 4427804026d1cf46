import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createJobHandlers } from "@/lib/engine/job-handlers";
import { getConfig } from "@/lib/env";
import { startWorker } from "@/lib/queue/worker";
import { ingestEvents, relayGraph } from "./support/fault-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually } from "./support/run-worker";
import { createTestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";

const TIMEOUT_MS = 1000;
const RETRY_DELAY_MS = 3000;
/** The schedule's jitter, ±20%, plus a second for the attempt's own bookkeeping. */
const SCHEDULE_SLACK_MS = RETRY_DELAY_MS * 0.2 + 1000;
const receivers: Receiver[] = [];

afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

describe("a receiver that never answers", () => {
  it("times out at the configured timeout, frees the only worker slot for a healthy delivery, and gets its next attempt on schedule", async () => {
    const db = getDb();
    const blackHoleArrivals: number[] = [];
    const blackHole = await startReceiver(() => {
      blackHoleArrivals.push(Date.now());
      return { status: 200, delayMs: 120_000 };
    });
    const healthy = await startReceiver(() => ({ status: 200 }));
    receivers.push(blackHole, healthy);
    const editor = await createTestUser("editor");
    const silent = await createActiveWorkflow(editor, relayGraph(blackHole.url, TIMEOUT_MS));
    const fine = await createActiveWorkflow(editor, relayGraph(healthy.url));
    await ingestEvents(silent.token, 1);
    await ingestEvents(fine.token, 1);

    // One slot: the healthy delivery can only go out once the silent attempt gives the slot up.
    const config = { ...getConfig(), deliveryScheduleMs: [RETRY_DELAY_MS, RETRY_DELAY_MS] };
    const worker = startWorker({
      db,
      handlers: createJobHandlers(db, config),
      leaseMs: 2000,
      concurrency: 1,
      idlePollMs: 50,
    });
    try {
      const delivered = await eventually(
        () => db.delivery.findFirst({ where: { status: "delivered" } }),
        15_000,
      );
      const silentDelivery = await db.delivery.findFirstOrThrow({
        where: { endpointUrl: { startsWith: blackHole.url } },
      });
      const firstAttempt = await db.exchange.findFirstOrThrow({
        where: { deliveryId: silentDelivery.id, attempt: 1 },
      });
      expect(delivered.endpointUrl.startsWith(healthy.url)).toBe(true);
      expect(firstAttempt.responseStatus).toBeNull();
      expect(firstAttempt.outcome).toBe("failed");
      expect(firstAttempt.error).toMatch(/within 1000 ms/);
      expect(firstAttempt.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
      expect(firstAttempt.durationMs).toBeLessThanOrEqual(TIMEOUT_MS + 2000);

      // The healthy delivery went out while the silent one waits for its next attempt.
      expect(silentDelivery.status).toBe("pending");
      expect(silentDelivery.attempts).toBe(1);
      const nextAttemptAt = silentDelivery.nextAttemptAt?.getTime() ?? 0;
      expect(nextAttemptAt).toBeGreaterThan(Date.now());
      const attemptEndedAt = firstAttempt.createdAt.getTime() + firstAttempt.durationMs;
      expect(nextAttemptAt - attemptEndedAt).toBeGreaterThanOrEqual(RETRY_DELAY_MS * 0.8 - 50);
      expect(nextAttemptAt - attemptEndedAt).toBeLessThanOrEqual(
        SCHEDULE_SLACK_MS + RETRY_DELAY_MS,
      );
      const retryJob = await db.job.findFirstOrThrow({
        where: { kind: "attempt_delivery", subjectId: silentDelivery.id },
      });
      expect(retryJob.status).toBe("queued");
      expect(retryJob.runAt.getTime()).toBe(nextAttemptAt);

      await blackHole.waitForRequests(2, RETRY_DELAY_MS * 2);
      const secondArrival = blackHoleArrivals[1] ?? 0;
      expect(Math.abs(secondArrival - nextAttemptAt)).toBeLessThanOrEqual(1000);

      console.info(
        `receiver timeout: attempt took ${firstAttempt.durationMs} ms (timeout ${TIMEOUT_MS}); ` +
          `next attempt ${nextAttemptAt - attemptEndedAt} ms later, arrived ` +
          `${secondArrival - nextAttemptAt} ms from schedule`,
      );
    } finally {
      await worker.stop(0);
    }
  }, 30_000);
});
