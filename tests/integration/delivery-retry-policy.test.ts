import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { attemptDelivery, type DeliveryOptions } from "@/lib/engine/attempt-delivery";
import type { JobOutcome } from "@/lib/queue/worker";
import { createPendingDeliveries, manualClock, testEnv } from "./support/delivery-fixtures";
import { startReceiver, type Receiver, type Reply } from "./support/receiver";
import { createTestUser, type TestUser } from "./support/session";

const DAY_MS = 24 * 3_600_000;
const schedule = [5_000, 300_000, 1_800_000];

let editor: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function receiver(reply: (request: unknown, index: number) => Reply): Promise<Receiver> {
  const started = await startReceiver(reply);
  cleanups.push(() => started.close());
  return started;
}

/** Attempts with a standing clock and no jitter, so every delay is exact. */
function attempter(clock = manualClock(), overrides: Partial<DeliveryOptions> = {}) {
  const options: DeliveryOptions = {
    db: getDb(),
    env: testEnv,
    retryDelaysMs: schedule,
    endpointDisableAfterMs: 5 * DAY_MS,
    now: clock.now,
    random: () => 0.5,
    ...overrides,
  };
  return (deliveryId: string): Promise<JobOutcome> => attemptDelivery(deliveryId, options);
}

function delivery(id: string) {
  return getDb().delivery.findUniqueOrThrow({ where: { id } });
}

function endpointOf(url: string) {
  return getDb().endpoint.findUnique({
    where: { workspaceId_url: { workspaceId: editor.workspaceId, url } },
  });
}

describe("the delivery retry policy", () => {
  it("retries a 500 on the schedule and delivers on a later attempt", async () => {
    const hook = await receiver((_request, index) => ({ status: index === 0 ? 500 : 204 }));
    const clock = manualClock();
    const attempt = attempter(clock);
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";

    expect(await attempt(id)).toEqual({
      type: "retry_at",
      runAt: new Date(clock.now().getTime() + 5_000),
      reason: "The receiver answered 500",
    });
    expect(await attempt(id)).toEqual({ type: "done" });
    expect(await delivery(id)).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
    expect(new Set(hook.requests.map((r) => r.headers["webhook-id"])).size).toBe(1);
  });

  it("waits as long as a 429's Retry-After asks, capped at 24 hours", async () => {
    const hook = await receiver((_request, index) => ({
      status: 429,
      headers: { "retry-after": index === 0 ? "600" : "999999" },
    }));
    const clock = manualClock();
    const attempt = attempter(clock);
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";

    await attempt(id);
    const first = await delivery(id);
    expect(first.status).toBe("pending");
    expect(first.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 600_000);

    await attempt(id);
    expect((await delivery(id)).nextAttemptAt?.getTime()).toBe(clock.now().getTime() + DAY_MS);
  });

  it("honours a 503's Retry-After date but never retries sooner than the schedule", async () => {
    const clock = manualClock();
    const inOneHour = new Date(clock.now().getTime() + 3_600_000).toUTCString();
    const hook = await receiver((_request, index) => ({
      status: 503,
      headers: { "retry-after": index === 0 ? inOneHour : "1" },
    }));
    const attempt = attempter(clock);
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";

    await attempt(id);
    expect((await delivery(id)).nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 3_600_000);
    await attempt(id);
    expect((await delivery(id)).nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 300_000);
  });

  it.each([
    [404, "The receiver answered 404"],
    [422, "The receiver answered 422"],
    [302, "The receiver answered 302, a redirect, which is not followed"],
  ])("fails a %i at once, without a retry", async (status, error) => {
    const hook = await receiver(() => ({ status, headers: { location: "http://127.0.0.1:1/x" } }));
    const attempt = attempter();
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";

    expect(await attempt(id)).toEqual({ type: "done" });
    expect(await delivery(id)).toMatchObject({ status: "failed", attempts: 1, lastError: error });
    expect(hook.requests).toHaveLength(1);
  });

  it("retries a receiver that does not answer in time, as a timeout", async () => {
    const hook = await receiver(() => ({ status: 200, delayMs: 2_000 }));
    const attempt = attempter();
    const { deliveryIds } = await createPendingDeliveries(editor, [
      { url: hook.url, timeoutMs: 200 },
    ]);
    const id = deliveryIds[0] ?? "";

    const outcome = await attempt(id);
    expect(outcome.type).toBe("retry_at");
    const stored = await delivery(id);
    expect(stored.status).toBe("pending");
    expect(stored.lastError).toMatch(/200 ms|time/i);
  });

  it("fails a refused address without a retry and without connecting", async () => {
    const hook = await receiver(() => ({ status: 200 }));
    const attempt = attempter(manualClock(), {
      env: { ...testEnv, policy: { allowPrivateNetworks: false } },
    });
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";

    expect(await attempt(id)).toEqual({ type: "done" });
    const stored = await delivery(id);
    expect(stored.status).toBe("failed");
    expect(stored.lastError).toContain("refuses");
    expect(hook.requests).toHaveLength(0);
  });

  it("fails the delivery once the schedule is exhausted", async () => {
    const hook = await receiver(() => ({ status: 502 }));
    const attempt = attempter(manualClock(), { retryDelaysMs: [1_000] });
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: hook.url }]);
    const id = deliveryIds[0] ?? "";

    await attempt(id);
    expect(await attempt(id)).toEqual({ type: "done" });
    expect(await delivery(id)).toMatchObject({
      status: "failed",
      attempts: 2,
      lastError: "The receiver answered 502; no attempts left on the schedule",
    });
  });

  it("uses the schedule the node set when the delivery was created", async () => {
    const hook = await receiver(() => ({ status: 500 }));
    const clock = manualClock();
    const attempt = attempter(clock);
    const { deliveryIds } = await createPendingDeliveries(editor, [
      { url: hook.url, retrySchedule: "2s, 1h" },
    ]);
    const id = deliveryIds[0] ?? "";
    expect((await delivery(id)).retryScheduleMs).toBe("2000,3600000");

    await attempt(id);
    expect((await delivery(id)).nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 2_000);
    await attempt(id);
    expect((await delivery(id)).nextAttemptAt?.getTime()).toBe(clock.now().getTime() + 3_600_000);
    await attempt(id);
    expect(await delivery(id)).toMatchObject({ status: "failed", attempts: 3, maxAttempts: 3 });
  });
});

describe("endpoint health", () => {
  it("disables the endpoint on 410 Gone and fails later deliveries to it without sending", async () => {
    const hook = await receiver(() => ({ status: 410 }));
    const attempt = attempter();
    const url = `${hook.url}/gone`;
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url }, { url }]);
    const [first = "", second = ""] = deliveryIds;

    expect(await attempt(first)).toEqual({ type: "done" });
    expect(await delivery(first)).toMatchObject({ status: "failed", lastStatus: 410 });
    expect(await endpointOf(url)).toMatchObject({
      status: "disabled",
      disabledReason: "The receiver answered 410 Gone",
    });

    expect(await attempt(second)).toEqual({ type: "done" });
    const skipped = await delivery(second);
    expect(skipped).toMatchObject({ status: "failed", attempts: 0 });
    expect(skipped.lastError).toContain("the endpoint is disabled");
    expect(hook.requests).toHaveLength(1);
  });

  it("disables an endpoint that has failed for the whole window, and fails the delivery", async () => {
    const hook = await receiver(() => ({ status: 500 }));
    const clock = manualClock();
    const attempt = attempter(clock, {
      retryDelaysMs: [DAY_MS, DAY_MS, DAY_MS, DAY_MS, DAY_MS, DAY_MS],
    });
    const url = `${hook.url}/down`;
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url }]);
    const id = deliveryIds[0] ?? "";

    const failingSince = clock.now();
    for (let day = 0; day < 5; day += 1) {
      expect((await attempt(id)).type).toBe("retry_at");
      clock.advance(DAY_MS);
    }
    expect(await endpointOf(url)).toMatchObject({ status: "active", failingSince });

    expect(await attempt(id)).toEqual({ type: "done" });
    const stored = await delivery(id);
    expect(stored.status).toBe("failed");
    expect(stored.lastError).toContain(
      "the endpoint is now disabled: Every attempt failed for 5 days",
    );
    expect(await endpointOf(url)).toMatchObject({ status: "disabled", disabledAt: clock.now() });
  });

  it("starts the failing window over after any success", async () => {
    const hook = await receiver((_request, index) => ({ status: index === 1 ? 200 : 500 }));
    const clock = manualClock();
    const attempt = attempter(clock);
    const url = `${hook.url}/flaky`;
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url }, { url }, { url }]);
    const [first = "", second = "", third = ""] = deliveryIds;

    await attempt(first);
    expect((await endpointOf(url))?.failingSince).toEqual(clock.now());
    clock.advance(4 * DAY_MS);
    await attempt(second);
    expect((await endpointOf(url))?.failingSince).toBeNull();
    clock.advance(2 * DAY_MS);
    await attempt(third);
    expect(await endpointOf(url)).toMatchObject({ status: "active", failingSince: clock.now() });
  });
});
