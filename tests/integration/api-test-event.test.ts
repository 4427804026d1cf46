import { beforeAll, describe, expect, it } from "vitest";
import * as secretRoute from "@/app/api/workflows/[id]/inbound-secret/route";
import * as listenRoute from "@/app/api/workflows/[id]/test-event/listen/route";
import * as testEventRoute from "@/app/api/workflows/[id]/test-event/route";
import * as runRoute from "@/app/api/workflows/[id]/test-event/run/route";
import * as workflowRoute from "@/app/api/workflows/[id]/route";
import type { WorkflowView } from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import type { TestEventView } from "@/lib/workflows/test-event";
import { createInboundWorkflow } from "./support/inbound-fixtures";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";
import { routeHandlerWayIn } from "./support/ways-in";

let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  editor = await createTestUser("editor");
  viewer = await createTestUser("viewer", editor.workspaceId);
  outsider = await createTestUser("editor");
});

const way = routeHandlerWayIn();

function call(
  handler: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>,
  method: string,
  path: string,
  id: string,
  options: { user: TestUser; body?: unknown },
): Promise<Response> {
  return handler(apiRequest(method, path, options), routeParams({ id }));
}

async function readTestEvent(id: string, user: TestUser): Promise<TestEventView> {
  const response = await call(testEventRoute.GET, "GET", `/api/workflows/${id}/test-event`, id, {
    user,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { testEvent: TestEventView }).testEvent;
}

describe("the test event API", () => {
  it("listens, captures one request, and runs the draft with it as the trigger data", async () => {
    const workflow = await createInboundWorkflow(editor);
    const path = `/api/workflows/${workflow.id}/test-event`;

    const early = await call(runRoute.POST, "POST", `${path}/run`, workflow.id, { user: editor });
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { code: "conflict" } });

    const listening = await call(listenRoute.POST, "POST", `${path}/listen`, workflow.id, {
      user: editor,
    });
    expect(listening.status).toBe(200);
    expect((await readTestEvent(workflow.id, viewer)).listeningUntil).not.toBeNull();

    const sent = await way.send(`/hooks/${workflow.token}/test?source=shop`, {
      headers: { "content-type": "application/json", "x-shop": "berlin" },
      body: JSON.stringify({ order: { id: "T-7" } }),
    });
    expect(sent.status).toBe(200);
    const captured = await readTestEvent(workflow.id, viewer);
    expect(captured.listeningUntil).toBeNull();
    expect(captured.event).toMatchObject({
      method: "POST",
      query: { source: "shop" },
      body: { order: { id: "T-7" } },
      verification: { ok: true },
    });

    const started = await call(runRoute.POST, "POST", `${path}/run`, workflow.id, {
      user: editor,
    });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    const run = await getDb().run.findUniqueOrThrow({ where: { id: runId } });
    expect(run.triggerKind).toBe("webhook");
    expect(JSON.parse(run.triggerData)).toMatchObject({
      method: "POST",
      headers: { "x-shop": "berlin" },
      query: { source: "shop" },
      body: { order: { id: "T-7" } },
    });
  });

  it("stops listening when asked, and lets viewers read but not listen or run", async () => {
    const workflow = await createInboundWorkflow(editor);
    const path = `/api/workflows/${workflow.id}/test-event`;
    await call(listenRoute.POST, "POST", `${path}/listen`, workflow.id, { user: editor });
    const stopped = await call(listenRoute.DELETE, "DELETE", `${path}/listen`, workflow.id, {
      user: editor,
    });
    expect(((await stopped.json()) as { testEvent: TestEventView }).testEvent.listeningUntil).toBe(
      null,
    );
    const refused = await way.send(`/hooks/${workflow.token}/test`, { body: "{}" });
    expect(refused.status).toBe(404);

    for (const [handler, suffix] of [
      [listenRoute.POST, "/listen"],
      [runRoute.POST, "/run"],
    ] as const) {
      const response = await call(handler, "POST", `${path}${suffix}`, workflow.id, {
        user: viewer,
      });
      expect(response.status).toBe(403);
    }
  });

  it("does not show or open another workspace's test URL", async () => {
    const workflow = await createInboundWorkflow(editor);
    const path = `/api/workflows/${workflow.id}/test-event`;
    const read = await call(testEventRoute.GET, "GET", path, workflow.id, { user: outsider });
    expect(read.status).toBe(404);
    const listen = await call(listenRoute.POST, "POST", `${path}/listen`, workflow.id, {
      user: outsider,
    });
    expect(listen.status).toBe(404);
    const stored = await getDb().workflow.findUniqueOrThrow({ where: { id: workflow.id } });
    expect(stored.testListenUntil).toBeNull();
  });
});

describe("the inbound secret API", () => {
  it("stores the secret sealed, answers only its hint, and makes the URL live", async () => {
    const workflow = await createInboundWorkflow(editor, { verification: "header-token" });
    const readView = async () => {
      const response = await call(
        workflowRoute.GET,
        "GET",
        `/api/workflows/${workflow.id}`,
        workflow.id,
        { user: editor },
      );
      return ((await response.json()) as { workflow: WorkflowView }).workflow;
    };
    expect((await readView()).inbound.readiness).toMatchObject({
      live: false,
      reason: "secret_missing",
    });

    const path = `/api/workflows/${workflow.id}/inbound-secret`;
    const secret = "token-that-is-long-enough-1234";
    const stored = await call(secretRoute.PUT, "PUT", path, workflow.id, {
      user: editor,
      body: { secret },
    });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual({ secretHint: "…1234" });
    const row = await getDb().workflow.findUniqueOrThrow({ where: { id: workflow.id } });
    expect(row.inboundSecret).not.toContain(secret);
    expect((await readView()).inbound).toMatchObject({
      readiness: { live: true },
      secretHint: "…1234",
    });

    const wrong = await way.send(`/hooks/${workflow.token}`, {
      headers: { "content-type": "application/json", "x-webhook-token": "nope" },
      body: "{}",
    });
    expect(wrong.status).toBe(401);
    const right = await way.send(`/hooks/${workflow.token}`, {
      headers: { "content-type": "application/json", "x-webhook-token": secret },
      body: "{}",
    });
    expect(right.status).toBe(202);

    const viewerTry = await call(secretRoute.PUT, "PUT", path, workflow.id, {
      user: viewer,
      body: { secret: "another-secret-value" },
    });
    expect(viewerTry.status).toBe(403);
    const cleared = await call(secretRoute.DELETE, "DELETE", path, workflow.id, { user: editor });
    expect(cleared.status).toBe(204);
    expect((await readView()).inbound.readiness).toMatchObject({ reason: "secret_missing" });
  });

  it("refuses a secret while the trigger verifies nothing, by the input", async () => {
    const workflow = await createInboundWorkflow(editor);
    const response = await call(
      secretRoute.PUT,
      "PUT",
      `/api/workflows/${workflow.id}/inbound-secret`,
      workflow.id,
      { user: editor, body: { secret: "whatever-secret" } },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "validation_failed", details: { issues: [{ path: "secret" }] } },
    });
  });
});
