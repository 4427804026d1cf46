import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as deliveryDetail from "@/app/api/deliveries/[id]/route";
import type { DeliveryTimelineView } from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import { attemptDelivery } from "@/lib/engine/attempt-delivery";
import { createPendingDeliveries, manualClock, testEnv } from "./support/delivery-fixtures";
import { startReceiver, type Receiver, type Reply } from "./support/receiver";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
  viewer = await createTestUser("viewer", editor.workspaceId);
  outsider = await createTestUser("admin");
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function receiver(reply: (request: unknown, index: number) => Reply): Promise<Receiver> {
  const started = await startReceiver(reply);
  cleanups.push(() => started.close());
  return started;
}

function getTimeline(user: TestUser, id: string) {
  const request = apiRequest("GET", `/api/deliveries/${id}`, { user });
  return deliveryDetail.GET(request, routeParams({ id }));
}

async function timelineOf(id: string): Promise<DeliveryTimelineView> {
  const response = await getTimeline(viewer, id);
  expect(response.status).toBe(200);
  return ((await response.json()) as { delivery: DeliveryTimelineView }).delivery;
}

describe("a delivery's timeline", () => {
  it("lists every attempt in order, with the next attempt and the rest of the schedule while it retries", async () => {
    const statuses = [500, 500, 200];
    const hook = await receiver((_request, index) => ({ status: statuses[index] ?? 200 }));
    const { deliveryIds, runId } = await createPendingDeliveries(editor, [
      { url: hook.url, retrySchedule: "5s, 5m, 30m" },
    ]);
    const id = deliveryIds[0] ?? "";
    const clock = manualClock();
    const attempt = () =>
      attemptDelivery(id, {
        db: getDb(),
        env: testEnv,
        retryDelaysMs: [1_000],
        now: clock.now,
        random: () => 0.5,
      });

    const fresh = await timelineOf(id);
    expect(fresh).toMatchObject({
      id,
      runId,
      status: "pending",
      endpointUrl: hook.url,
      attemptsMade: 0,
      scheduleMs: [5_000, 300_000, 1_800_000],
      isOwnSchedule: true,
      remainingDelaysMs: [5_000, 300_000, 1_800_000],
      ending: null,
      attempts: [],
    });

    await attempt();
    const afterFirst = await timelineOf(id);
    expect(afterFirst).toMatchObject({
      status: "pending",
      attemptsMade: 1,
      nextAttemptAt: new Date(clock.now().getTime() + 5_000).toISOString(),
      remainingDelaysMs: [300_000, 1_800_000],
      lastStatus: 500,
    });
    expect(afterFirst.attempts.map((exchange) => exchange.responseStatus)).toEqual([500]);

    clock.advance(5_000);
    await attempt();
    const afterSecond = await timelineOf(id);
    expect(afterSecond.nextAttemptAt).toBe(new Date(clock.now().getTime() + 300_000).toISOString());
    expect(afterSecond.remainingDelaysMs).toEqual([1_800_000]);

    clock.advance(300_000);
    await attempt();
    const delivered = await timelineOf(id);
    expect(delivered).toMatchObject({
      status: "delivered",
      ending: "delivered",
      attemptsMade: 3,
      nextAttemptAt: null,
      remainingDelaysMs: [],
    });
    expect(delivered.messageId).toBe(hook.requests[0]?.headers["webhook-id"]);
    expect(
      delivered.attempts.map(({ attempt: number, responseStatus, deliveryId, kind }) => ({
        number,
        responseStatus,
        deliveryId,
        kind,
      })),
    ).toEqual([
      { number: 1, responseStatus: 500, deliveryId: id, kind: "webhook_attempt" },
      { number: 2, responseStatus: 500, deliveryId: id, kind: "webhook_attempt" },
      { number: 3, responseStatus: 200, deliveryId: id, kind: "webhook_attempt" },
    ]);
  });

  it("follows the installation's schedule for a node without its own, and says when the endpoint ended it", async () => {
    const hook = await receiver(() => ({ status: 410 }));
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: `${hook.url}/gone` }]);
    const id = deliveryIds[0] ?? "";
    expect((await timelineOf(id)).isOwnSchedule).toBe(false);

    await attemptDelivery(id, { db: getDb(), env: testEnv, retryDelaysMs: [] });
    expect(await timelineOf(id)).toMatchObject({
      status: "failed",
      ending: "endpoint_disabled",
      lastStatus: 410,
      nextAttemptAt: null,
    });
  });

  it("says a delivery failed when its schedule ran out", async () => {
    const hook = await receiver(() => ({ status: 500 }));
    const { deliveryIds } = await createPendingDeliveries(editor, [
      { url: `${hook.url}/down`, retrySchedule: "1s" },
    ]);
    const id = deliveryIds[0] ?? "";
    const clock = manualClock();
    const options = { db: getDb(), env: testEnv, retryDelaysMs: [], now: clock.now };
    await attemptDelivery(id, options);
    clock.advance(2_000);
    await attemptDelivery(id, options);

    const failed = await timelineOf(id);
    expect(failed).toMatchObject({ status: "failed", ending: "failed", attemptsMade: 2 });
    expect(failed.lastError).toContain("500");
  });

  it("answers 404 for another workspace's delivery and for an unknown one", async () => {
    const hook = await receiver(() => ({ status: 200 }));
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";

    const foreign = await getTimeline(outsider, id);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: "not_found" } });
    expect((await getTimeline(viewer, "no-such-delivery")).status).toBe(404);
  });
});
