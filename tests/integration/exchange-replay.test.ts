import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as replay from "@/app/api/exchanges/[id]/replay/route";
import type { LiveEvent, ReplayResultView } from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import { attemptDelivery } from "@/lib/engine/attempt-delivery";
import { executeRun } from "@/lib/engine/execute-run";
import { subscribe } from "@/lib/events/event-bus";
import { replayExchange } from "@/lib/exchanges/replay-exchange";
import { verifyWebhook } from "@/lib/webhooks/verify-webhook";
import { createPendingDeliveries, testEnv, triggerRun } from "./support/delivery-fixtures";
import { orderGraph, TEST_SECRET } from "./support/graphs";
import { startReceiver, type Receiver } from "./support/receiver";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";

let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let api: Receiver;
let hook: Receiver;

beforeAll(async () => {
  editor = await createTestUser("editor");
  viewer = await createTestUser("viewer", editor.workspaceId);
  outsider = await createTestUser("admin");
  api = await startReceiver(() => ({ status: 200, body: '{"shipment":"SHP-1"}' }));
  hook = await startReceiver(() => ({ status: 200 }));
});

afterAll(async () => {
  await api.close();
  await hook.close();
});

function postReplay(user: TestUser, id: string, body: unknown) {
  const request = apiRequest("POST", `/api/exchanges/${id}/replay`, { user, body });
  return replay.POST(request, routeParams({ id }));
}

async function replayAs(user: TestUser, id: string, body: unknown): Promise<ReplayResultView> {
  const response = await postReplay(user, id, body);
  expect(response.status).toBe(201);
  return (await response.json()) as ReplayResultView;
}

/** A run of the order workflow, executed in place: one inbound, one API call, one delivery. */
async function orderRun() {
  const workflow = await createActiveWorkflow(editor, orderGraph(`${api.url}`, hook.url));
  const runId = await triggerRun(workflow.token, { order: { id: "A-1" } });
  await executeRun(runId, {
    db: getDb(),
    env: testEnv,
    firstAttemptDelayMs: 0,
    maxDeliveryAttempts: 3,
  });
  const exchanges = await getDb().exchange.findMany({ where: { runId } });
  const ofKind = (kind: string) => exchanges.find((exchange) => exchange.kind === kind);
  return { workflow, runId, inbound: ofKind("inbound")!, apiCall: ofKind("api_call")! };
}

describe("replaying an API call with edits", () => {
  it("sends the edited header and body to the receiver and records a linked exchange", async () => {
    const { apiCall, runId, workflow } = await orderRun();
    expect(JSON.parse(apiCall.requestHeaders)).toMatchObject({ authorization: "[redacted]" });
    const before = api.requests.length;

    const answer = await replayAs(editor, apiCall.id, {
      headers: {
        authorization: "Bearer typed-again-456",
        "content-type": "application/json",
        "x-replayed": "yes",
      },
      body: '{"order":"A-1","note":"edited"}',
    });

    const [received] = await api.waitForRequests(before + 1).then((all) => all.slice(before));
    expect(received).toMatchObject({
      method: "POST",
      url: "/fulfil",
      body: '{"order":"A-1","note":"edited"}',
    });
    expect(received?.headers).toMatchObject({
      authorization: "Bearer typed-again-456",
      "x-replayed": "yes",
    });
    const recorded = await getDb().exchange.findUniqueOrThrow({ where: { id: answer.exchangeId } });
    expect(recorded).toMatchObject({
      kind: "api_call",
      replayOfId: apiCall.id,
      workflowId: workflow.id,
      runId,
      stepId: null,
      responseStatus: 200,
      requestBody: '{"order":"A-1","note":"edited"}',
    });
    expect(recorded.requestHeaders).not.toContain("typed-again-456");
    expect(answer).toEqual({ exchangeId: recorded.id, runId: null, failure: null });
  });

  it("refuses to resend a redacted header value and names it, unless it is removed", async () => {
    const { apiCall } = await orderRun();
    const before = api.requests.length;

    const refused = await postReplay(editor, apiCall.id, {});
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: "redacted_header", details: { headers: ["authorization"] } },
    });
    expect(api.requests).toHaveLength(before);

    const headers = JSON.parse(apiCall.requestHeaders) as Record<string, string>;
    delete headers.authorization;
    await replayAs(editor, apiCall.id, { headers });
    const [received] = await api.waitForRequests(before + 1).then((all) => all.slice(before));
    expect(received?.headers.authorization).toBeUndefined();
  });

  it("records a replay to a private address the network policy refuses, with the reason, and sends nothing", async () => {
    const { apiCall } = await orderRun();
    const before = api.requests.length;

    const result = await replayExchange(
      editor.workspaceId,
      apiCall.id,
      { url: `${api.url}/fulfil`, headers: { "content-type": "application/json" } },
      { db: getDb(), env: { ...testEnv, policy: { allowPrivateNetworks: false } } },
    );

    expect(result).toMatchObject({ ok: true, failure: { reason: "address_refused" } });
    const exchangeId = result.ok ? result.exchangeId : "";
    const recorded = await getDb().exchange.findUniqueOrThrow({ where: { id: exchangeId } });
    expect(recorded).toMatchObject({
      replayOfId: apiCall.id,
      outcome: "failed",
      responseStatus: null,
    });
    expect(recorded.error).toContain("loopback");
    expect(api.requests).toHaveLength(before);
  });

  it("announces the new exchange to live views", async () => {
    const { apiCall } = await orderRun();
    const events: LiveEvent[] = [];
    const unsubscribe = subscribe((message) => {
      if (message.workspaceId === editor.workspaceId) events.push(message.event);
    });

    const { exchangeId } = await replayAs(editor, apiCall.id, { headers: {} }).finally(unsubscribe);
    expect(events).toContainEqual({
      type: "exchange.created",
      id: exchangeId,
      workflowId: apiCall.workflowId,
      runId: apiCall.runId,
    });
  });
});

describe("replaying a webhook attempt with an edited body", () => {
  it("signs the edited body afresh under the same message id", async () => {
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: `${hook.url}/orders` }]);
    const deliveryId = deliveryIds[0] ?? "";
    await attemptDelivery(deliveryId, { db: getDb(), env: testEnv, retryDelaysMs: [] });
    const attempt = await getDb().exchange.findFirstOrThrow({ where: { deliveryId } });
    const first = hook.requests.at(-1)!;

    const edited = '{"order":"A-1","edited":true}';
    const { exchangeId } = await replayAs(editor, attempt.id, { body: edited });

    const received = hook.requests.at(-1)!;
    expect(received).not.toBe(first);
    expect(received.body).toBe(edited);
    expect(received.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(Number(received.headers["webhook-timestamp"])).toBeGreaterThanOrEqual(
      Number(first.headers["webhook-timestamp"]),
    );
    expect(received.headers["webhook-signature"]).not.toBe(first.headers["webhook-signature"]);
    const verdict = verifyWebhook({
      secret: TEST_SECRET,
      headers: received.headers as Record<string, string>,
      rawBody: received.body,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    expect(verdict).toEqual({ ok: true });

    const recorded = await getDb().exchange.findUniqueOrThrow({ where: { id: exchangeId } });
    expect(recorded).toMatchObject({
      kind: "webhook_attempt",
      replayOfId: attempt.id,
      deliveryId: null,
      responseStatus: 200,
    });
    const delivery = await getDb().delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery).toMatchObject({ attempts: 1, status: "delivered" });
  });

  it("refuses another method than POST", async () => {
    const { deliveryIds } = await createPendingDeliveries(editor, [{ url: `${hook.url}/m` }]);
    const deliveryId = deliveryIds[0] ?? "";
    await attemptDelivery(deliveryId, { db: getDb(), env: testEnv, retryDelaysMs: [] });
    const attempt = await getDb().exchange.findFirstOrThrow({ where: { deliveryId } });

    const response = await postReplay(editor, attempt.id, { method: "PUT" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "validation_failed", details: { issues: [{ path: "method" }] } },
    });
  });
});

describe("replaying an inbound request with edits", () => {
  it("starts a new run of the published version with the edited request as its trigger data", async () => {
    const { inbound, workflow } = await orderRun();

    const answer = await replayAs(editor, inbound.id, {
      url: "/hooks/replayed?source=desk",
      body: '{"order":{"id":"B-2"}}',
    });

    expect(answer.runId).not.toBeNull();
    const run = await getDb().run.findUniqueOrThrow({ where: { id: answer.runId ?? "" } });
    expect(run).toMatchObject({
      workflowId: workflow.id,
      status: "queued",
      triggerKind: "webhook",
    });
    expect(JSON.parse(run.triggerData)).toMatchObject({
      method: "POST",
      query: { source: "desk" },
      body: { order: { id: "B-2" } },
    });
    const recorded = await getDb().exchange.findUniqueOrThrow({ where: { id: answer.exchangeId } });
    expect(recorded).toMatchObject({
      kind: "inbound",
      replayOfId: inbound.id,
      runId: run.id,
      responseStatus: 202,
      requestBody: '{"order":{"id":"B-2"}}',
    });
  });

  it("refuses an edited JSON body that does not parse", async () => {
    const { inbound } = await orderRun();
    const response = await postReplay(editor, inbound.id, { body: '{"order":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "validation_failed", details: { issues: [{ path: "body" }] } },
    });
  });
});

describe("who may replay what", () => {
  it("refuses viewers with 403 and sends nothing", async () => {
    const { apiCall } = await orderRun();
    const before = api.requests.length;
    const response = await postReplay(viewer, apiCall.id, { headers: {} });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(api.requests).toHaveLength(before);
  });

  it("answers 404 for an unknown exchange and for another workspace's", async () => {
    const { apiCall } = await orderRun();
    expect((await postReplay(editor, "no-such-exchange", {})).status).toBe(404);
    const foreign = await postReplay(outsider, apiCall.id, { headers: {} });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("answers 400 for edits that are not valid", async () => {
    const { apiCall } = await orderRun();
    const invalid = [
      { method: "PO ST" },
      { headers: { "bad header": "x" } },
      { headers: { "x-split": "a\r\nb" } },
      { body: "x".repeat(1024 * 1024 + 1) },
      { url: "ftp://example.com/file" },
      { unknown: true },
    ];
    for (const edits of invalid) {
      const response = await postReplay(editor, apiCall.id, { headers: {}, ...edits });
      expect(response.status, JSON.stringify(edits).slice(0, 60)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "validation_failed" } });
    }
  });
});
