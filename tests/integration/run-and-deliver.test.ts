import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as hooks from "@/app/hooks/[token]/route";
import { getDb } from "@/lib/db/client";
import type { Worker } from "@/lib/queue/worker";
import { verifyWebhook } from "@/lib/webhooks/verify-webhook";
import { orderGraph, TEST_SECRET } from "./support/graphs";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually, startTestWorker } from "./support/run-worker";
import { createTestUser, routeParams, type TestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";

let editor: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function receiver(reply: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const started = await startReceiver(reply);
  cleanups.push(() => started.close());
  return started;
}

function worker(options?: Parameters<typeof startTestWorker>[0]): Worker {
  const started = startTestWorker(options);
  cleanups.push(() => started.stop(5000));
  return started;
}

/** The fulfilment API the graph calls; its shipment id flows into the webhook payload. */
const shipmentApi = () => ({ status: 200, body: JSON.stringify({ shipment: "SHP-1" }) });

async function trigger(token: string, body: unknown): Promise<string> {
  const request = new Request(`http://localhost/hooks/${token}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await hooks.POST(request, routeParams({ token }));
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

describe("a run from webhook to delivery", () => {
  it("calls the API, signs the webhook with the API's answer, and records every exchange", async () => {
    const api = await receiver(() => ({
      status: 200,
      body: JSON.stringify({ shipment: "SHP-9" }),
    }));
    const hook = await receiver(() => ({ status: 200, body: '{"received":true}' }));
    const { token } = await createActiveWorkflow(editor, orderGraph(api.url, hook.url));
    worker();

    const runId = await trigger(token, { order: { id: "A-42" } });
    const [delivered] = await hook.waitForRequests(1);
    if (!delivered) throw new Error("no delivery");

    expect(JSON.parse(api.requests[0]?.body ?? "")).toEqual({ order: "A-42" });
    expect(api.requests[0]?.headers.authorization).toBe("Bearer api-credential-123");
    const message = JSON.parse(delivered.body) as { type: string; data: unknown };
    expect(message.type).toBe("order.fulfilled");
    expect(message.data).toEqual({ order: "A-42", shipment: "SHP-9" });
    const verified = verifyWebhook({
      secret: TEST_SECRET,
      headers: delivered.headers as Record<string, string>,
      rawBody: delivered.body,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    expect(verified).toEqual({ ok: true });

    const db = getDb();
    const run = await eventually(() =>
      db.run.findFirst({ where: { id: runId, status: "succeeded" } }),
    );
    expect(run.durationMs).not.toBeNull();
    const steps = await db.step.findMany({ where: { runId }, orderBy: { position: "asc" } });
    expect(steps.map((s) => [s.nodeId, s.status])).toEqual([
      ["webhook1", "succeeded"],
      ["http1", "succeeded"],
      ["send1", "succeeded"],
    ]);
    await eventually(() => db.delivery.findFirst({ where: { runId, status: "delivered" } }));
    const kinds = (
      await db.exchange.findMany({ where: { runId }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.kind);
    expect(kinds.sort()).toEqual(["api_call", "inbound", "webhook_attempt"]);
  });

  it("never stores the API credential or the signing secret", async () => {
    const api = await receiver(shipmentApi);
    const hook = await receiver(() => ({ status: 200 }));
    const { token } = await createActiveWorkflow(editor, orderGraph(api.url, hook.url));
    worker();
    const runId = await trigger(token, { order: { id: "B-1" } });
    const db = getDb();
    await eventually(() => db.delivery.findFirst({ where: { runId, status: "delivered" } }));

    const exchanges = await db.exchange.findMany({ where: { runId } });
    const steps = await db.step.findMany({ where: { runId } });
    const stored = JSON.stringify([exchanges, steps]);
    expect(stored).not.toContain("api-credential-123");
    expect(stored).not.toContain(TEST_SECRET);
    expect(stored).toContain("[redacted]");
  });

  it("retries a failing receiver with the same message id and a fresh signature each time", async () => {
    const api = await receiver(shipmentApi);
    const hook = await receiver((_request, index) => ({ status: index < 2 ? 500 : 200 }));
    const { token } = await createActiveWorkflow(editor, orderGraph(api.url, hook.url));
    // Timestamps have one-second resolution: attempts more than a second apart must differ.
    // The schedule's ±20% jitter can shorten a wait to 80%, so each wait is 1.3 s.
    worker({ deliveryScheduleMs: [1300, 1300] });

    const runId = await trigger(token, { order: { id: "C-3" } });
    const attempts = await hook.waitForRequests(3);

    const ids = new Set(attempts.map((a) => a.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    const signatures = new Set(attempts.map((a) => a.headers["webhook-signature"]));
    expect(signatures.size).toBe(3);
    expect(new Set(attempts.map((a) => a.headers["webhook-timestamp"])).size).toBe(3);
    const db = getDb();
    const delivery = await eventually(() =>
      db.delivery.findFirst({ where: { runId, status: "delivered" } }),
    );
    expect(delivery.attempts).toBe(3);
    const logged = await db.exchange.findMany({
      where: { deliveryId: delivery.id },
      orderBy: { attempt: "asc" },
    });
    expect(logged.map((e) => [e.attempt, e.responseStatus])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ]);
  });

  it("marks a delivery failed once the schedule is exhausted", async () => {
    const api = await receiver(shipmentApi);
    const hook = await receiver(() => ({ status: 503 }));
    const { token } = await createActiveWorkflow(editor, orderGraph(api.url, hook.url));
    worker({ deliveryScheduleMs: [100, 100] });

    const runId = await trigger(token, { order: { id: "D-4" } });
    const db = getDb();
    const delivery = await eventually(() =>
      db.delivery.findFirst({ where: { runId, status: "failed" } }),
    );
    expect(delivery.attempts).toBe(3);
    expect(hook.requests).toHaveLength(3);
  });

  it("fails the step that names a value the run does not have, saying which", async () => {
    const api = await receiver(() => ({ status: 200, body: "{}" }));
    const hook = await receiver(() => ({ status: 200 }));
    const { token } = await createActiveWorkflow(editor, orderGraph(api.url, hook.url));
    worker();

    const runId = await trigger(token, { order: { id: "F-6" } });
    const db = getDb();
    const run = await eventually(() =>
      db.run.findFirst({ where: { id: runId, status: "failed" } }),
    );
    expect(run.error).toContain("steps.http1.response.body.shipment");
    const step = await db.step.findFirstOrThrow({ where: { runId, nodeId: "send1" } });
    expect(step.status).toBe("failed");
    expect(hook.requests).toHaveLength(0);
  });

  it("fails the run at a failing API call and sends nothing after it", async () => {
    const api = await receiver(() => ({ status: 502, body: "bad gateway" }));
    const hook = await receiver(() => ({ status: 200 }));
    const { token } = await createActiveWorkflow(editor, orderGraph(api.url, hook.url));
    worker();

    const runId = await trigger(token, { order: { id: "E-5" } });
    const db = getDb();
    const run = await eventually(() =>
      db.run.findFirst({ where: { id: runId, status: "failed" } }),
    );
    expect(run.error).toContain("http1");
    expect(await db.delivery.count({ where: { runId } })).toBe(0);
    expect(hook.requests).toHaveLength(0);
  });
});
