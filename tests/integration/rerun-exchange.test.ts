import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exchangeDetail from "@/app/api/exchanges/[id]/route";
import * as exchangeList from "@/app/api/exchanges/route";
import * as hooks from "@/app/hooks/[token]/route";
import * as rerun from "@/app/api/runs/[id]/rerun/route";
import type { ExchangePage, ExchangeView, LiveEvent } from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import { startManualRun } from "@/lib/engine/start-manual-run";
import { subscribe } from "@/lib/events/event-bus";
import type { Graph } from "@/lib/workflow/graph";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { sendGraph } from "./support/delivery-fixtures";
import { startReceiver, type Receiver } from "./support/receiver";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";
import { createActiveWorkflow } from "./support/workflow-fixture";

let editor: TestUser;
let viewer: TestUser;
let hook: Receiver;

beforeAll(async () => {
  editor = await createTestUser("editor");
  viewer = await createTestUser("viewer", editor.workspaceId);
  hook = await startReceiver(() => ({ status: 200 }));
});

afterAll(async () => {
  await hook.close();
});

/** Sends an event to a workflow's inbound URL the way a provider would; returns the run id. */
async function sendEvent(token: string, headers: Record<string, string>, body: string) {
  const request = new Request(`http://localhost/hooks/${token}?source=shop`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const response = await hooks.POST(request, routeParams({ token }));
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

async function postRerun(user: TestUser, runId: string, version: "pinned" | "current") {
  const request = apiRequest("POST", `/api/runs/${runId}/rerun`, { user, body: { version } });
  return rerun.POST(request, routeParams({ id: runId }));
}

async function rerunAs(user: TestUser, runId: string, version: "pinned" | "current") {
  const response = await postRerun(user, runId, version);
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

async function getExchangeView(user: TestUser, id: string): Promise<ExchangeView> {
  const request = apiRequest("GET", `/api/exchanges/${id}`, { user });
  const response = await exchangeDetail.GET(request, routeParams({ id }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { exchange: ExchangeView }).exchange;
}

function inboundExchangeOf(runId: string) {
  return getDb().exchange.findFirstOrThrow({ where: { runId, kind: "inbound" } });
}

/** An active webhook workflow that already received one event, with that event's run. */
async function webhookRun() {
  const workflow = await createActiveWorkflow(editor, sendGraph([{ url: `${hook.url}/v1` }]));
  const runId = await sendEvent(
    workflow.token,
    { "x-shop-event": "order.created", authorization: "Bearer provider-secret" },
    '{"order":"A-7"}',
  );
  return { ...workflow, runId };
}

describe("re-running a run an inbound request started", () => {
  it("records an inbound exchange that replays the original request, on either version", async () => {
    const { id: workflowId, runId } = await webhookRun();
    const original = await inboundExchangeOf(runId);
    await saveDraft(editor.workspaceId, editor.id, workflowId, sendGraph([{ url: hook.url }]));
    const db = getDb();
    const pinnedVersionId = (await db.run.findUniqueOrThrow({ where: { id: runId } })).versionId;
    const workflow = await db.workflow.findUniqueOrThrow({ where: { id: workflowId } });
    expect(workflow.activeVersionId).not.toBe(pinnedVersionId);
    const versionIds = { pinned: pinnedVersionId, current: workflow.activeVersionId };

    for (const version of ["pinned", "current"] as const) {
      const newRunId = await rerunAs(editor, runId, version);
      const newRun = await db.run.findUniqueOrThrow({ where: { id: newRunId } });
      expect(newRun.versionId).toBe(versionIds[version]);
      const replay = await inboundExchangeOf(newRunId);

      expect(replay).toMatchObject({
        workspaceId: editor.workspaceId,
        workflowId,
        replayOfId: original.id,
        outcome: "success",
        method: "POST",
        url: original.url,
        requestHeaders: original.requestHeaders,
        requestBody: '{"order":"A-7"}',
        requestBodyTruncated: false,
        requestBodyEncoding: original.requestBodyEncoding,
        responseStatus: 202,
        responseBody: JSON.stringify({ runId: newRunId }),
        responseBodyTruncated: false,
        error: null,
      });
      expect(JSON.parse(replay.responseHeaders ?? "null")).toEqual(
        JSON.parse(original.responseHeaders ?? "null"),
      );
      expect(replay.url).toContain("?source=shop");
      expect(JSON.parse(replay.requestHeaders)).toMatchObject({
        "x-shop-event": "order.created",
        authorization: "[redacted]",
      });
    }
  });

  it("answers the replay in the exchange API, and lists the replays on the original", async () => {
    const { runId } = await webhookRun();
    const original = await inboundExchangeOf(runId);
    const firstRunId = await rerunAs(editor, runId, "pinned");
    const secondRunId = await rerunAs(editor, runId, "current");
    const first = await inboundExchangeOf(firstRunId);
    const second = await inboundExchangeOf(secondRunId);

    const replayView = await getExchangeView(viewer, second.id);
    expect(replayView).toMatchObject({
      replayOfId: original.id,
      runId: secondRunId,
      replayIds: [],
      replayCount: 0,
    });
    const originalView = await getExchangeView(viewer, original.id);
    expect(originalView).toMatchObject({ replayOfId: null, replayCount: 2 });
    expect(originalView.replayIds).toEqual([second.id, first.id]);

    const listRequest = apiRequest("GET", `/api/exchanges?runId=${firstRunId}`, { user: viewer });
    const page = (await (
      await exchangeList.GET(listRequest, routeParams({}))
    ).json()) as ExchangePage;
    expect(page.exchanges).toEqual([
      expect.objectContaining({ id: first.id, replayOfId: original.id }),
    ]);
  });

  it("replays the re-run's own request when a re-run is re-run", async () => {
    const { runId } = await webhookRun();
    const firstRunId = await rerunAs(editor, runId, "pinned");
    const secondRunId = await rerunAs(editor, firstRunId, "pinned");

    const first = await inboundExchangeOf(firstRunId);
    const second = await inboundExchangeOf(secondRunId);
    expect(second.replayOfId).toBe(first.id);
    expect(second.requestBody).toBe(first.requestBody);
  });

  it("announces the new exchange to live views once it is committed", async () => {
    const { id: workflowId, runId } = await webhookRun();
    const events: LiveEvent[] = [];
    const unsubscribe = subscribe((message) => {
      if (message.workspaceId === editor.workspaceId) events.push(message.event);
    });

    const newRunId = await rerunAs(editor, runId, "pinned").finally(unsubscribe);
    const replay = await inboundExchangeOf(newRunId);
    expect(events).toContainEqual({
      type: "exchange.created",
      id: replay.id,
      workflowId,
      runId: newRunId,
    });
  });

  it("refuses viewers and records nothing for them", async () => {
    const { runId } = await webhookRun();
    const before = await getDb().exchange.count({ where: { workspaceId: editor.workspaceId } });

    const response = await postRerun(viewer, runId, "pinned");
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(await getDb().exchange.count({ where: { workspaceId: editor.workspaceId } })).toBe(
      before,
    );
  });
});

describe("re-running a manual run", () => {
  it("links the new run to the original and records no exchange, as no request was received", async () => {
    const sends = sendGraph([{ url: hook.url }]);
    const manualTrigger = {
      id: "manual1",
      type: "manual-trigger",
      position: { x: 0, y: 0 },
      config: { testPayload: "{}" },
    };
    const graph: Graph = {
      nodes: [manualTrigger, ...sends.nodes.filter((node) => node.type !== "webhook-trigger")],
      edges: sends.edges.map((edge) => ({ ...edge, source: manualTrigger.id })),
    };
    const workflow = await createWorkflow(editor.workspaceId, "Manual only");
    await saveDraft(editor.workspaceId, editor.id, workflow.id, graph);
    const started = await startManualRun(editor.workspaceId, editor.id, workflow.id, { n: 1 });
    if (!started.ok) throw new Error(`manual run not started: ${started.reason}`);

    const newRunId = await rerunAs(editor, started.runId, "pinned");
    const db = getDb();
    expect(await db.run.findUniqueOrThrow({ where: { id: newRunId } })).toMatchObject({
      rerunOfId: started.runId,
      triggerKind: "manual",
    });
    expect(await db.exchange.count({ where: { runId: newRunId } })).toBe(0);
  });
});
