import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as redactionRoute from "@/app/api/admin/redaction/route";
import * as listenRoute from "@/app/api/workflows/[id]/test-event/listen/route";
import * as rerunRoute from "@/app/api/runs/[id]/rerun/route";
import type { RedactionView } from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env";
import { startPostgresRelay } from "@/lib/events/postgres-relay";
import type { Worker } from "@/lib/queue/worker";
import { RedactionCache } from "@/lib/redaction/redaction-cache";
import type { Graph } from "@/lib/workflow/graph";
import { TEST_SECRET } from "./support/graphs";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually, startTestWorker } from "./support/run-worker";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";
import { leanServerWayIn } from "./support/ways-in";
import { createActiveWorkflow } from "./support/workflow-fixture";

let admin: TestUser;
let editor: TestUser;
let api: Receiver;
let hook: Receiver;
let worker: Worker;
const way = leanServerWayIn();

const REAL = { card: "4111-1111", token: "tok-live-42", key: "shop-key-7" };
const SETTINGS = {
  headerNames: ["X-Shop-Key"],
  // Webhook payloads arrive wrapped in an envelope (`data`), hence paths at any depth.
  jsonPaths: ["**.card.number", "**.token"],
  maxStoredBodyBytes: 256 * 1024,
};

beforeAll(async () => {
  admin = await createTestUser("admin");
  editor = await createTestUser("editor", admin.workspaceId);
  api = await startReceiver(() => ({
    status: 200,
    headers: { "x-shop-key": "api-answer-key" },
    body: JSON.stringify({ shipment: "S-1", card: { number: "5555-answer" }, token: "api-tok" }),
  }));
  hook = await startReceiver(() => ({
    status: 200,
    body: JSON.stringify({ received: true, session: { token: "hook-tok" } }),
  }));
  await way.start();
  worker = startTestWorker();
});

afterAll(async () => {
  await worker.stop(2000);
  await way.stop();
  await api.close();
  await hook.close();
});

function putSettings(user: TestUser, body: unknown) {
  const request = apiRequest("PUT", "/api/admin/redaction", { user, body });
  return redactionRoute.PUT(request, routeParams({}));
}

async function saveSettings(body: unknown): Promise<RedactionView> {
  const response = await putSettings(admin, body);
  expect(response.status).toBe(200);
  return (await response.json()) as RedactionView;
}

/** Webhook trigger → an API call and a signed webhook, both carrying the secret values. */
function carryingGraph(): Graph {
  const carried =
    '{"order": "{{trigger.body.order}}", "card": {"number": "{{trigger.body.card.number}}"}, "token": "{{trigger.body.token}}"}';
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: "http1",
        type: "http-request",
        position: { x: 0, y: 150 },
        config: {
          method: "POST",
          url: `${api.url}/charge`,
          headers: { "content-type": "application/json", "x-shop-key": REAL.key },
          query: {},
          body: carried,
          timeoutMs: 5000,
        },
      },
      {
        id: "send1",
        type: "send-webhook",
        position: { x: 0, y: 300 },
        config: {
          url: `${hook.url}/hook`,
          eventType: "order.paid",
          payload: carried,
          headers: {},
          secret: TEST_SECRET,
          timeoutMs: 5000,
        },
      },
    ],
    edges: [
      { id: "e1", source: "webhook1", target: "http1" },
      { id: "e2", source: "http1", target: "send1" },
    ],
  };
}

function eventBody(order: string): string {
  return JSON.stringify({ order, card: { number: REAL.card, brand: "visa" }, token: REAL.token });
}

async function sendEvent(token: string, order: string): Promise<string> {
  const reply = await way.send(`/hooks/${token}`, {
    headers: { "content-type": "application/json", "x-shop-key": REAL.key },
    body: eventBody(order),
  });
  expect(reply.status).toBe(202);
  return (JSON.parse(reply.text) as { runId: string }).runId;
}

function exchangesOf(runId: string) {
  return getDb().exchange.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });
}

type StoredExchange = Awaited<ReturnType<typeof exchangesOf>>[number];

function expectNoSecretIn(exchange: StoredExchange) {
  const stored = JSON.stringify(exchange);
  for (const value of [REAL.card, REAL.token, REAL.key, "5555-answer", "api-tok", "hook-tok"]) {
    expect(stored, `${exchange.kind} exchange stores ${value}`).not.toContain(value);
  }
}

function headersOf(text: string | null): Record<string, string> {
  return JSON.parse(text ?? "{}") as Record<string, string>;
}

describe("installation-wide redaction settings", () => {
  it("redact the header and both paths in every exchange a run stores, while the run gets the real values", async () => {
    await saveSettings(SETTINGS);
    const workflow = await createActiveWorkflow(editor, carryingGraph());
    const runId = await sendEvent(workflow.token, "A-1");

    const exchanges = await eventually(async () => {
      const stored = await exchangesOf(runId);
      return stored.some((exchange) => exchange.kind === "webhook_attempt") && stored;
    });
    const byKind = Object.fromEntries(exchanges.map((exchange) => [exchange.kind, exchange]));
    expect(Object.keys(byKind).sort()).toEqual(["api_call", "inbound", "webhook_attempt"]);
    exchanges.forEach(expectNoSecretIn);

    const inbound = byKind.inbound!;
    expect(headersOf(inbound.requestHeaders)["x-shop-key"]).toBe("[redacted]");
    expect(JSON.parse(inbound.requestBody!)).toEqual({
      order: "A-1",
      card: { number: "[redacted]", brand: "visa" },
      token: "[redacted]",
    });

    const apiCall = byKind.api_call!;
    expect(headersOf(apiCall.requestHeaders)["x-shop-key"]).toBe("[redacted]");
    expect(headersOf(apiCall.responseHeaders)["x-shop-key"]).toBe("[redacted]");
    expect(JSON.parse(apiCall.requestBody!)).toMatchObject({
      order: "A-1",
      card: { number: "[redacted]" },
    });
    expect(JSON.parse(apiCall.responseBody!)).toEqual({
      shipment: "S-1",
      card: { number: "[redacted]" },
      token: "[redacted]",
    });

    const attempt = byKind.webhook_attempt!;
    expect(attempt.outcome).toBe("success");
    expect(JSON.parse(attempt.requestBody!)).toMatchObject({
      data: { order: "A-1", card: { number: "[redacted]" }, token: "[redacted]" },
    });
    expect(JSON.parse(attempt.responseBody!)).toEqual({
      received: true,
      session: { token: "[redacted]" },
    });

    const charged = JSON.parse(api.requests.at(-1)!.body) as Record<string, unknown>;
    expect(charged).toEqual({ order: "A-1", card: { number: REAL.card }, token: REAL.token });
    expect(api.requests.at(-1)!.headers["x-shop-key"]).toBe(REAL.key);
    expect(JSON.parse(hook.requests.at(-1)!.body)).toMatchObject({
      data: { card: { number: REAL.card }, token: REAL.token },
    });
    const run = await getDb().run.findUniqueOrThrow({
      where: { id: runId },
      include: { steps: true },
    });
    expect(run.status).toBe("succeeded");
    expect(JSON.parse(run.triggerData)).toMatchObject({ body: { card: { number: REAL.card } } });
    const apiStep = run.steps.find((step) => step.nodeId === "http1")!;
    expect(apiStep.output).toContain("5555-answer");
  });

  it("redact a re-run's inbound copy by the settings in force when it is made", async () => {
    await saveSettings(SETTINGS);
    const workflow = await createActiveWorkflow(editor, carryingGraph());
    const runId = await sendEvent(workflow.token, "B-2");
    await saveSettings({ ...SETTINGS, jsonPaths: [...SETTINGS.jsonPaths, "order"] });

    const request = apiRequest("POST", `/api/runs/${runId}/rerun`, {
      user: editor,
      body: { version: "pinned" },
    });
    const response = await rerunRoute.POST(request, routeParams({ id: runId }));
    expect(response.status).toBe(202);
    const { runId: rerunId } = (await response.json()) as { runId: string };

    const copy = await getDb().exchange.findFirstOrThrow({
      where: { runId: rerunId, kind: "inbound" },
    });
    expect(copy.replayOfId).not.toBeNull();
    expectNoSecretIn(copy);
    expect(headersOf(copy.requestHeaders)["x-shop-key"]).toBe("[redacted]");
    expect(JSON.parse(copy.requestBody!)).toEqual({
      order: "[redacted]",
      card: { number: "[redacted]", brand: "visa" },
      token: "[redacted]",
    });
    const rerun = await getDb().run.findUniqueOrThrow({ where: { id: rerunId } });
    expect(JSON.parse(rerun.triggerData)).toMatchObject({ body: { order: "B-2" } });
  });

  it("redact a captured test event's exchange, and keep the real event to run with", async () => {
    await saveSettings(SETTINGS);
    const workflow = await createActiveWorkflow(editor, carryingGraph());
    const listenPath = `/api/workflows/${workflow.id}/test-event/listen`;
    const listening = await listenRoute.POST(
      apiRequest("POST", listenPath, { user: editor }),
      routeParams({ id: workflow.id }),
    );
    expect(listening.status).toBe(200);

    const reply = await way.send(`/hooks/${workflow.token}/test`, {
      headers: { "content-type": "application/json", "x-shop-key": REAL.key },
      body: eventBody("T-3"),
    });
    expect(reply.status).toBe(200);

    const exchange = await getDb().exchange.findFirstOrThrow({
      where: { workflowId: workflow.id, kind: "inbound" },
    });
    expectNoSecretIn(exchange);
    expect(JSON.parse(exchange.requestBody!)).toMatchObject({
      order: "T-3",
      card: { number: "[redacted]" },
    });
    const stored = await getDb().workflow.findUniqueOrThrow({ where: { id: workflow.id } });
    expect(JSON.parse(stored.testEvent!)).toMatchObject({ body: { card: { number: REAL.card } } });
  });

  it("cut a stored body at the cap set through the API, with the truncated flag", async () => {
    await saveSettings({ ...SETTINGS, maxStoredBodyBytes: 1024 });
    const workflow = await createActiveWorkflow(editor, carryingGraph());
    const reply = await way.send(`/hooks/${workflow.token}`, {
      body: JSON.stringify({ order: "C-4", token: REAL.token, notes: "n".repeat(3000) }),
    });
    expect(reply.status).toBe(202);
    const { runId } = JSON.parse(reply.text) as { runId: string };

    const inbound = await getDb().exchange.findFirstOrThrow({ where: { runId, kind: "inbound" } });
    expect(inbound.requestBodyTruncated).toBe(true);
    expect(Buffer.byteLength(inbound.requestBody!)).toBe(1024);
    expect(inbound.requestBody).toContain('"token":"[redacted]"');
    await saveSettings(SETTINGS);
  });
});

describe("the redaction settings API", () => {
  it("answers the built-in rules and the configured cap before anything is set", async () => {
    const response = await redactionRoute.GET(
      apiRequest("GET", "/api/admin/redaction", { user: admin }),
      routeParams({}),
    );
    expect(response.status).toBe(200);
    const view = (await response.json()) as RedactionView;
    expect(view.defaultMaxStoredBodyBytes).toBe(getConfig().maxStoredBodyBytes);
    expect(view.builtIn.headerNames).toContain("authorization");
    expect(view.builtIn.headerNameFragments).toContain("token");
  });

  it("stores header names in lower case, without duplicates", async () => {
    const view = await saveSettings({ ...SETTINGS, headerNames: ["X-Shop-Key", "x-shop-key"] });
    expect(view.headerNames).toEqual(["x-shop-key"]);
    expect(view.jsonPaths).toEqual(SETTINGS.jsonPaths);
  });

  it("answers 400 redaction_path_invalid naming a bad path, and keeps the old settings", async () => {
    await saveSettings(SETTINGS);
    const response = await putSettings(admin, {
      ...SETTINGS,
      jsonPaths: ["card.number", "items[0].token"],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("redaction_path_invalid");
    expect(body.error.message).toContain('"items[0].token"');
    const row = await getDb().redactionSettings.findFirstOrThrow();
    expect(JSON.parse(row.jsonPaths)).toEqual(SETTINGS.jsonPaths);
  });

  it.each([
    ["a header name with a space", { headerNames: ["x shop"] }],
    ["a cap under 1 KB", { maxStoredBodyBytes: 1023 }],
    ["a cap over 10 MB", { maxStoredBodyBytes: 10 * 1024 * 1024 + 1 }],
    ["51 paths", { jsonPaths: Array.from({ length: 51 }, (_, index) => `p${index}`) }],
  ])("answers 400 validation_failed for %s", async (_case, change) => {
    const response = await putSettings(admin, { ...SETTINGS, ...change });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "validation_failed" } });
  });

  it("refuses editors with 403, for reading and for changing", async () => {
    const get = await redactionRoute.GET(
      apiRequest("GET", "/api/admin/redaction", { user: editor }),
      routeParams({}),
    );
    expect(get.status).toBe(403);
    const put = await putSettings(editor, SETTINGS);
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ error: { code: "forbidden" } });
  });
});

describe("another process's copy of the settings", () => {
  it("follows a change once its TTL has passed", async () => {
    await saveSettings(SETTINGS);
    let nowMs = 1_000_000;
    const other = new RedactionCache(getDb(), {
      defaultMaxStoredBodyBytes: 4096,
      ttlMs: 30_000,
      nowMs: () => nowMs,
    });
    await other.ready();
    await saveSettings({ ...SETTINGS, jsonPaths: ["changed"] });

    nowMs += 29_000;
    expect(other.current().jsonPaths.map((path) => path.text)).toEqual(SETTINGS.jsonPaths);
    nowMs += 1_000;
    await eventually(async () => other.current().jsonPaths[0]?.text === "changed");
  });

  it.skipIf(getConfig().database.kind !== "postgresql")(
    "follows a change at once through the settings.changed notification on PostgreSQL",
    async () => {
      await saveSettings(SETTINGS);
      const database = getConfig().database;
      if (database.kind !== "postgresql") return;
      const other = new RedactionCache(getDb(), {
        defaultMaxStoredBodyBytes: 4096,
        ttlMs: 3_600_000,
      });
      await other.ready();
      // A relay of its own stands for another process: it has its own origin, so it receives
      // what this process's relay sends, as a separate process would.
      const relay = startPostgresRelay(database.url, (message) => {
        const event = (message as { event?: { type?: string } }).event;
        if (event?.type === "settings.changed") void other.reload();
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await saveSettings({ ...SETTINGS, jsonPaths: ["from.elsewhere"] });
        await eventually(async () => other.current().jsonPaths[0]?.text === "from.elsewhere");
      } finally {
        await relay.close();
      }
    },
  );
});
