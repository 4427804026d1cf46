import { beforeAll, describe, expect, it } from "vitest";
import * as workflows from "@/app/api/workflows/route";
import * as workflow from "@/app/api/workflows/[id]/route";
import * as draft from "@/app/api/workflows/[id]/draft/route";
import * as activate from "@/app/api/workflows/[id]/activate/route";
import type { WorkflowView } from "@/lib/api/views";
import { orderGraph, unconnectedGraph } from "./support/graphs";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  editor = await createTestUser("editor");
  viewer = await createTestUser("viewer", editor.workspaceId);
  outsider = await createTestUser("admin");
});

async function createWorkflow(name: string): Promise<WorkflowView> {
  const response = await workflows.POST(
    apiRequest("POST", "/api/workflows", { user: editor, body: { name } }),
    routeParams({}),
  );
  expect(response.status).toBe(201);
  return ((await response.json()) as { workflow: WorkflowView }).workflow;
}

describe("the workflows API", () => {
  it("answers 401 with a stable code when there is no session", async () => {
    const response = await workflows.GET(apiRequest("GET", "/api/workflows"), routeParams({}));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it("creates an inactive workflow with an unguessable inbound URL", async () => {
    const created = await createWorkflow("Orders");
    expect(created.isActive).toBe(false);
    expect(created.inboundPath).toMatch(/^\/hooks\/[A-Za-z0-9_-]{32}$/);
    expect(created.draft).toEqual({ nodes: [], edges: [] });
  });

  it("lets a viewer read but not create", async () => {
    const list = await workflows.GET(
      apiRequest("GET", "/api/workflows", { user: viewer }),
      routeParams({}),
    );
    expect(list.status).toBe(200);
    const create = await workflows.POST(
      apiRequest("POST", "/api/workflows", { user: viewer, body: { name: "x" } }),
      routeParams({}),
    );
    expect(create.status).toBe(403);
    expect(await create.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("refuses a write that a browser marks as cross-site", async () => {
    const request = apiRequest("POST", "/api/workflows", {
      user: editor,
      body: { name: "x" },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    const response = await workflows.POST(request, routeParams({}));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "cross_site_request" } });
  });

  it("answers malformed JSON with 400 and a non-JSON body with 415", async () => {
    const malformed = apiRequest("POST", "/api/workflows", {
      user: editor,
      rawBody: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect((await workflows.POST(malformed, routeParams({}))).status).toBe(400);
    const text = apiRequest("POST", "/api/workflows", {
      user: editor,
      rawBody: "name=x",
      headers: { "content-type": "text/plain" },
    });
    expect((await workflows.POST(text, routeParams({}))).status).toBe(415);
  });

  it("names each invalid field in a validation error", async () => {
    const response = await workflows.POST(
      apiRequest("POST", "/api/workflows", { user: editor, body: { name: "" } }),
      routeParams({}),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "validation_failed", details: { issues: [{ path: "name" }] } },
    });
  });

  it("saves a graph with problems but refuses to activate it, listing the problems", async () => {
    const created = await createWorkflow("Broken");
    const params = routeParams({ id: created.id });
    const saved = await draft.PUT(
      apiRequest("PUT", "", { user: editor, body: { graph: unconnectedGraph() } }),
      params,
    );
    expect(saved.status).toBe(200);
    const { workflow: view } = (await saved.json()) as { workflow: WorkflowView };
    expect(view.problems.map((p) => p.code)).toContain("unconnected_node");

    const response = await activate.POST(apiRequest("POST", "", { user: editor }), params);
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      error: { code: string; details: { problems: { nodeId?: string }[] } };
    };
    expect(body.error.code).toBe("graph_invalid");
    expect(body.error.details.problems.some((p) => p.nodeId === "http1")).toBe(true);
  });

  it("activates a valid graph as version 1 and keeps later saves of a live workflow published", async () => {
    const created = await createWorkflow("Live");
    const params = routeParams({ id: created.id });
    await draft.PUT(
      apiRequest("PUT", "", {
        user: editor,
        body: { graph: orderGraph("http://127.0.0.1:1", "http://127.0.0.1:2") },
      }),
      params,
    );
    const activated = (await (
      await activate.POST(apiRequest("POST", "", { user: editor }), params)
    ).json()) as { workflow: WorkflowView };
    expect(activated.workflow.isActive).toBe(true);
    expect(activated.workflow.activeVersion?.number).toBe(1);

    const changed = orderGraph("http://127.0.0.1:3", "http://127.0.0.1:2");
    const saved = (await (
      await draft.PUT(apiRequest("PUT", "", { user: editor, body: { graph: changed } }), params)
    ).json()) as { workflow: WorkflowView };
    expect(saved.workflow.activeVersion?.number).toBe(2);
    expect(saved.workflow.hasUnpublishedChanges).toBe(false);
  });

  it("hides one workspace's workflows from another workspace", async () => {
    const created = await createWorkflow("Private");
    const response = await workflow.GET(
      apiRequest("GET", "", { user: outsider }),
      routeParams({ id: created.id }),
    );
    expect(response.status).toBe(404);
    const removal = await workflow.DELETE(
      apiRequest("DELETE", "", { user: outsider }),
      routeParams({ id: created.id }),
    );
    expect(removal.status).toBe(404);
    const stillThere = await workflow.GET(
      apiRequest("GET", "", { user: editor }),
      routeParams({ id: created.id }),
    );
    expect(stillThere.status).toBe(200);
  });
});
