import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { attemptDelivery } from "@/lib/engine/attempt-delivery";
import { createPendingDeliveries, testEnv } from "./support/delivery-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { createTestUser } from "./support/session";

let receiver: Receiver | undefined;

afterAll(async () => {
  await receiver?.close();
});

describe("attempts failing against a new endpoint at the same moment", () => {
  it("record every attempt and create the endpoint's health row once", async () => {
    receiver = await startReceiver(() => ({ status: 500 }));
    const editor = await createTestUser("editor");
    const url = `${receiver.url}/hook`;
    const { deliveryIds } = await createPendingDeliveries(
      editor,
      Array.from({ length: 6 }, () => ({ url })),
    );

    // All six insert the endpoint's row in transactions that overlap; on PostgreSQL all but
    // one lose the race to the unique key and must run again rather than fail the attempt.
    const outcomes = await Promise.all(
      deliveryIds.map((id) =>
        attemptDelivery(id, { db: getDb(), env: testEnv, retryDelaysMs: [60_000] }),
      ),
    );

    expect(outcomes.map((outcome) => outcome.type)).toEqual(Array(6).fill("retry_at"));
    expect(receiver.requests).toHaveLength(6);
    const db = getDb();
    expect(await db.endpoint.count({ where: { url } })).toBe(1);
    const deliveries = await db.delivery.findMany({ where: { id: { in: deliveryIds } } });
    expect(deliveries.map((delivery) => [delivery.attempts, delivery.lastStatus])).toEqual(
      Array(6).fill([1, 500]),
    );
    expect(await db.exchange.count({ where: { deliveryId: { in: deliveryIds } } })).toBe(6);
  });
});
