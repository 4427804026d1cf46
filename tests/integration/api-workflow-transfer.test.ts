import { beforeAll, describe, expect, it } from "vitest";
import * as workflows from "@/app/api/workflows/route";
import * as draft from "@/app/api/workflows/[id]/draft/route";
import * as exportRoute from "@/app/api/workflows/[id]/export/route";
import * as inboundSecret from "@/app/api/workflows/[id]/inbound-secret/route";
import * as importRoute from "@/app/api/workflows/import/route";
import * as redaction from "@/app/api/admin/redaction/route";
import type { WorkflowView } from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import type { Graph } from "@/lib/workflow/graph";
import { workflowStarters } from "@/lib/workflow/workflow-starters";
import { TEST_SECRET } from "./support/graphs";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

let admin: TestUser;
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;

const inboundVerificationSecret = "inbound-verification-secret-4711";

/** Every kind of secret the export must leave out, beside settings it must keep. */
const graph: Graph = {
  nodes: [
    {
      id: "webhook1",
      type: "webhook-trigger",
      position: { x: 0, y: 0 },
      config: { verification: "header-token", tokenHeader: "x-webhook-token" },
    },
    {
      id: "http1",
      type: "http-request",
      position: { x: 330, y: 0 },
      config: {
        method: "POST",
        url: "https://crm.example.com/contacts/{{trigger.body.user.id}}",
        headers: {
          Authorization: "Bearer crm-credential-1",
          "X-Api-Key": "key-credential-2",
          "X-Partner-Key": "partner-credential-3",
          Accept: "application/json",
        },
        query: {},
        body: '{"email": "{{trigger.body.user.email}}"}',
        timeoutMs: 5000,
      },
    },
    {
      id: "send1",
      type: "send-webhook",
      position: { x: 660, y: 0 },
      config: {
        url: "https://hooks.example.com/in",
        eventType: "user.synced",
        payload: '{"user": "{{trigger.body.user}}"}',
        headers: { Cookie: "session=cookie-credential-4" },
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

const credentials = [
  "crm-credential-1",
  "key-credential-2",
  "partner-credential-3",
  "cookie-credential-4",
  TEST_SECRET,
  inboundVerificationSecret,
];

beforeAll(async () => {
  admin = await createTestUser("admin");
  editor = await createTestUser("editor", admin.workspaceId);
  viewer = await createTestUser("viewer", admin.workspaceId);
  outsider = await createTestUser("admin");

  const settings = await redaction.PUT(
    apiRequest("PUT", "/api/admin/redaction", {
      user: admin,
      body: { headerNames: ["X-Partner-Key"], jsonPaths: [], maxStoredBodyBytes: 65_536 },
    }),
    routeParams({}),
  );
  expect(settings.status).toBe(200);
});

async function createWorkflow(name: string, body: Record<string, unknown> = {}) {
  const response = await workflows.POST(
    apiRequest("POST", "/api/workflows", { user: editor, body: { name, ...body } }),
    routeParams({}),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function createWithGraph(name: string): Promise<WorkflowView> {
  const created = (await createWorkflow(name)).body as { workflow: WorkflowView };
  const params = routeParams({ id: created.workflow.id });
  const saved = await draft.PUT(apiRequest("PUT", "", { user: editor, body: { graph } }), params);
  expect(saved.status).toBe(200);
  const secret = await inboundSecret.PUT(
    apiRequest("PUT", "", { user: editor, body: { secret: inboundVerificationSecret } }),
    params,
  );
  expect(secret.status).toBe(200);
  return created.workflow;
}

async function exportAs(user: TestUser, id: string): Promise<Response> {
  return exportRoute.GET(apiRequest("GET", "", { user }), routeParams({ id }));
}

async function importAs(user: TestUser, body: unknown): Promise<Response> {
  return importRoute.POST(
    apiRequest("POST", "/api/workflows/import", { user, body }),
    routeParams({}),
  );
}

async function countWorkflows(): Promise<number> {
  return getDb().workflow.count({ where: { workspaceId: admin.workspaceId } });
}

describe("exporting a workflow", () => {
  it("downloads its name and draft with a format marker, every secret emptied and named", async () => {
    const created = await createWithGraph("CRM sync → partner");

    const response = await exportAs(viewer, created.id);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="crm-sync-partner.workflow.json"',
    );
    const text = await response.text();
    for (const credential of credentials) expect(text).not.toContain(credential);
    const document = JSON.parse(text) as { graph: Graph } & Record<string, unknown>;
    expect(document).toMatchObject({
      format: "switchyard/workflow",
      version: 1,
      name: "CRM sync → partner",
      clearedSecrets: [
        { nodeId: "http1", field: "headers", header: "Authorization" },
        { nodeId: "http1", field: "headers", header: "X-Api-Key" },
        { nodeId: "http1", field: "headers", header: "X-Partner-Key" },
        { nodeId: "send1", field: "secret" },
        { nodeId: "send1", field: "headers", header: "Cookie" },
      ],
    });
    expect(document.graph.nodes[1]?.config["headers"]).toEqual({
      Authorization: "",
      "X-Api-Key": "",
      "X-Partner-Key": "",
      Accept: "application/json",
    });
  });

  it("answers 404 for another workspace's workflow and 401 without a session", async () => {
    const created = await createWithGraph("Private");
    expect((await exportAs(outsider, created.id)).status).toBe(404);
    const anonymous = await exportRoute.GET(apiRequest("GET", ""), routeParams({ id: created.id }));
    expect(anonymous.status).toBe(401);
  });
});

describe("importing a workflow", () => {
  it("round-trips: a new inactive workflow whose draft is the export, secrets listed as problems", async () => {
    const original = await createWithGraph("Round trip");
    const document = (await (await exportAs(editor, original.id)).json()) as { graph: Graph };

    const response = await importAs(editor, document);

    expect(response.status).toBe(201);
    const { workflow } = (await response.json()) as { workflow: WorkflowView };
    expect(workflow.id).not.toBe(original.id);
    expect(workflow.inboundPath).not.toBe(original.inboundPath);
    expect(workflow.name).toBe("Round trip");
    expect(workflow.isActive).toBe(false);
    expect(workflow.inbound.secretHint).toBeNull();
    expect(workflow.draft).toEqual(document.graph);
    const withoutSecrets = structuredClone(graph);
    Object.assign(withoutSecrets.nodes[1]?.config["headers"] as object, {
      Authorization: "",
      "X-Api-Key": "",
      "X-Partner-Key": "",
    });
    Object.assign(withoutSecrets.nodes[2]?.config ?? {}, { secret: "", headers: { Cookie: "" } });
    expect(workflow.draft).toEqual(withoutSecrets);
    const missing = workflow.problems.map(({ nodeId, field }) => `${nodeId}.${field}`);
    expect(missing).toEqual(["http1.headers", "http1.headers", "send1.headers", "send1.secret"]);
  });

  it("is for editors and admins: a viewer gets 403 and nothing is created", async () => {
    const original = await createWithGraph("Viewer import");
    const document: unknown = await (await exportAs(viewer, original.id)).json();
    const before = await countWorkflows();

    const response = await importAs(viewer, document);

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(await countWorkflows()).toBe(before);
  });

  const valid = {
    format: "switchyard/workflow",
    version: 1,
    exportedAt: "2026-01-01T00:00:00.000Z",
    name: "Imported",
    graph,
    clearedSecrets: [],
  };

  it.each([
    ["not an object", "[]", "format"],
    ["another format", { ...valid, format: "other/workflow" }, "format"],
    ["an unknown version", { ...valid, version: 99 }, "version"],
    ["no name", { ...valid, name: undefined }, "shape"],
    ["nodes that are not nodes", { ...valid, graph: { nodes: [{ id: 1 }], edges: [] } }, "shape"],
    [
      "an unknown node type",
      {
        ...valid,
        graph: {
          ...graph,
          nodes: [...graph.nodes, { ...graph.nodes[1], id: "ftp1", type: "ftp" }],
        },
      },
      "node_types",
    ],
    [
      "a loop",
      {
        ...valid,
        graph: {
          ...graph,
          edges: [...graph.edges, { id: "e3", source: "send1", target: "http1" }],
        },
      },
      "graph",
    ],
    [
      "two nodes with one id",
      { ...valid, graph: { ...graph, nodes: [...graph.nodes, graph.nodes[1]] } },
      "graph",
    ],
  ])("answers 400 import_invalid for %s and creates nothing", async (_label, document, reason) => {
    const before = await countWorkflows();

    const response =
      typeof document === "string"
        ? await importRoute.POST(
            apiRequest("POST", "", {
              user: editor,
              rawBody: document,
              headers: { "content-type": "application/json" },
            }),
            routeParams({}),
          )
        : await importAs(editor, document);

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { issues: unknown[] } } };
    expect(body).toMatchObject({ error: { code: "import_invalid", details: { reason } } });
    expect(body.error.details.issues.length).toBeGreaterThan(0);
    expect(await countWorkflows()).toBe(before);
  });

  it("answers 400 invalid_json for text that is not JSON and 413 past the size limit", async () => {
    const before = await countWorkflows();
    const notJson = await importRoute.POST(
      apiRequest("POST", "", {
        user: editor,
        rawBody: '{"format": "switchyard/workflow",',
        headers: { "content-type": "application/json" },
      }),
      routeParams({}),
    );
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: "invalid_json" } });

    const huge = await importAs(editor, { ...valid, padding: "x".repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: "payload_too_large" } });
    expect(await countWorkflows()).toBe(before);
  });
});

describe("creating a workflow from a template", () => {
  it.each(workflowStarters.map((starter) => [starter.id] as const))(
    "%s gives an inactive workflow whose draft has no problems",
    async (starterId) => {
      const created = await createWorkflow("From a template", { starter: starterId });

      expect(created.status).toBe(201);
      const { workflow } = created.body as { workflow: WorkflowView };
      expect(workflow.isActive).toBe(false);
      expect(workflow.draft.nodes.length).toBeGreaterThanOrEqual(3);
      expect(workflow.problems).toEqual([]);
    },
  );

  it("gives each workflow its own signing secrets", async () => {
    const first = (await createWorkflow("One", { starter: "order-fulfilment" })).body;
    const second = (await createWorkflow("Two", { starter: "order-fulfilment" })).body;
    const secretOf = (body: Record<string, unknown>) =>
      (body as { workflow: WorkflowView }).workflow.draft.nodes.find((n) => n.id === "send1")
        ?.config["secret"];
    expect(secretOf(first)).toMatch(/^whsec_/);
    expect(secretOf(first)).not.toBe(secretOf(second));
  });

  it("answers 400 validation_failed naming the starter when no template has that id", async () => {
    const before = await countWorkflows();
    const created = await createWorkflow("Nope", { starter: "no-such-template" });
    expect(created.status).toBe(400);
    expect(created.body).toMatchObject({
      error: { code: "validation_failed", details: { issues: [{ path: "starter" }] } },
    });
    expect(await countWorkflows()).toBe(before);
  });
});
