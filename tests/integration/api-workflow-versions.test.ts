import { beforeAll, describe, expect, it } from "vitest";
import * as workflows from "@/app/api/workflows/route";
import * as draft from "@/app/api/workflows/[id]/draft/route";
import * as activate from "@/app/api/workflows/[id]/activate/route";
import * as runs from "@/app/api/workflows/[id]/runs/route";
import * as versions from "@/app/api/workflows/[id]/versions/route";
import * as version from "@/app/api/workflows/[id]/versions/[number]/route";
import * as restore from "@/app/api/workflows/[id]/versions/[number]/restore/route";
import type {
  WorkflowSummaryView,
  WorkflowVersionSummaryView,
  WorkflowVersionView,
  WorkflowView,
} from "@/lib/api/views";
import { getDb } from "@/lib/db/client";
import type { Graph } from "@/lib/workflow/graph";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

let editor: TestUser;
let admin: TestUser;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  editor = await createTestUser("editor");
  admin = await createTestUser("admin", editor.workspaceId);
  viewer = await createTestUser("viewer", editor.workspaceId);
  outsider = await createTestUser("admin");
});

/** Manual trigger → HTTP request to `url`: valid, and runnable from the API. */
function callGraph(url: string): Graph {
  return {
    nodes: [
      { id: "manual1", type: "manual-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: "http1",
        type: "http-request",
        position: { x: 0, y: 160 },
        config: { method: "GET", url, headers: {}, query: {}, body: "", timeoutMs: 2000 },
      },
    ],
    edges: [{ id: "manual1-http1", source: "manual1", target: "http1" }],
  };
}

const firstGraph = callGraph("http://127.0.0.1:9/first");
const secondGraph = callGraph("http://127.0.0.1:9/second");

async function post<T>(
  handler: (request: Request, context: ReturnType<typeof routeParams>) => Promise<Response>,
  user: TestUser,
  params: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await handler(apiRequest("POST", "", { user, body }), routeParams(params));
  return { status: response.status, json: (await response.json()) as T };
}

async function get<T>(
  handler: (request: Request, context: ReturnType<typeof routeParams>) => Promise<Response>,
  user: TestUser,
  params: Record<string, string>,
): Promise<{ status: number; json: T }> {
  const response = await handler(apiRequest("GET", "", { user }), routeParams(params));
  return { status: response.status, json: (await response.json()) as T };
}

/**
 * A workflow published twice: version 1 by the editor when activated, version 2 by the admin's
 * save of the live workflow, which publishes it.
 */
async function createTwicePublishedWorkflow(): Promise<string> {
  const created = await workflows.POST(
    apiRequest("POST", "/api/workflows", { user: editor, body: { name: "Versioned" } }),
    routeParams({}),
  );
  const { workflow } = (await created.json()) as { workflow: WorkflowView };
  const params = routeParams({ id: workflow.id });
  await draft.PUT(apiRequest("PUT", "", { user: editor, body: { graph: firstGraph } }), params);
  expect((await activate.POST(apiRequest("POST", "", { user: editor }), params)).status).toBe(200);
  await draft.PUT(apiRequest("PUT", "", { user: admin, body: { graph: secondGraph } }), params);
  return workflow.id;
}

async function readDraft(workflowId: string): Promise<string> {
  const row = await getDb().workflow.findUniqueOrThrow({ where: { id: workflowId } });
  return row.draftGraph;
}

describe("the workflow versions API", () => {
  it("lists every version newest first, with who published it and which one is live", async () => {
    const id = await createTwicePublishedWorkflow();
    const answer = await get<{ versions: WorkflowVersionSummaryView[] }>(versions.GET, viewer, {
      id,
    });

    expect(answer.status).toBe(200);
    const [second, first, ...rest] = answer.json.versions;
    expect(rest).toEqual([]);
    expect(second).toMatchObject({ number: 2, isLive: true, createdBy: { name: "admin 2" } });
    expect(first).toMatchObject({ number: 1, isLive: false, createdBy: { name: "editor 1" } });
    expect(first?.createdBy?.email).toMatch(/^editor-1-.*@example\.test$/);
    expect(Date.parse(first?.createdAt ?? "")).toBeLessThanOrEqual(
      Date.parse(second?.createdAt ?? ""),
    );
  });

  it("marks no version live once the workflow is inactive", async () => {
    const id = await createTwicePublishedWorkflow();
    await getDb().workflow.update({ where: { id }, data: { isActive: false } });
    const answer = await get<{ versions: WorkflowVersionSummaryView[] }>(versions.GET, editor, {
      id,
    });
    expect(answer.json.versions.map((item) => item.isLive)).toEqual([false, false]);
  });

  it("answers one version with its graph, to viewers too", async () => {
    const id = await createTwicePublishedWorkflow();
    const answer = await get<{ version: WorkflowVersionView }>(version.GET, viewer, {
      id,
      number: "1",
    });
    expect(answer.status).toBe(200);
    expect(answer.json.version).toMatchObject({ number: 1, isLive: false });
    expect(answer.json.version.graph).toEqual(firstGraph);
  });

  it("answers 404 not_found for an unknown version or a workflow of another workspace", async () => {
    const id = await createTwicePublishedWorkflow();

    const unknown = await get<{ error: { code: string; message: string } }>(version.GET, editor, {
      id,
      number: "3",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: "not_found" });
    expect(unknown.json.error.message).toContain("version 3");

    for (const handler of [version.GET, restore.POST]) {
      const foreign = await handler(
        apiRequest(handler === version.GET ? "GET" : "POST", "", { user: outsider }),
        routeParams({ id, number: "1" }),
      );
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toMatchObject({ error: { code: "not_found" } });
    }
    const foreignList = await get(versions.GET, outsider, { id });
    expect(foreignList.status).toBe(404);
    const noWorkflow = await get(versions.GET, editor, { id: "missing" });
    expect(noWorkflow.status).toBe(404);
  });

  it("refuses a version number that is not a whole number from 1", async () => {
    const id = await createTwicePublishedWorkflow();
    for (const number of ["0", "abc", "1.5", "-1", "01", "99999999999"]) {
      const answer = await get<{ error: { code: string } }>(version.GET, editor, { id, number });
      expect(answer.status, number).toBe(400);
      expect(answer.json.error.code).toBe("validation_failed");
    }
  });

  it("lets no viewer restore, and leaves the draft as it was", async () => {
    const id = await createTwicePublishedWorkflow();
    const before = await readDraft(id);

    const answer = await post<{ error: { code: string } }>(restore.POST, viewer, {
      id,
      number: "1",
    });

    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe("forbidden");
    expect(await readDraft(id)).toBe(before);
  });

  it("restores a version into the draft only: nothing is published and runs keep their version", async () => {
    const id = await createTwicePublishedWorkflow();
    const started = await post<{ runId: string }>(runs.POST, editor, { id }, {});
    expect(started.status).toBe(202);
    const run = await getDb().run.findUniqueOrThrow({
      where: { id: started.json.runId },
      include: { version: true },
    });
    expect(run.version.number).toBe(2);

    const answer = await post<{ workflow: WorkflowView }>(restore.POST, editor, {
      id,
      number: "1",
    });

    expect(answer.status).toBe(200);
    expect(answer.json.workflow.draft).toEqual(firstGraph);
    expect(answer.json.workflow.isActive).toBe(true);
    expect(answer.json.workflow.activeVersion?.number).toBe(2);
    expect(answer.json.workflow.hasUnpublishedChanges).toBe(true);
    expect(JSON.parse(await readDraft(id))).toEqual(firstGraph);

    const stored = await getDb().workflowVersion.findMany({
      where: { workflowId: id },
      orderBy: { number: "asc" },
    });
    const storedGraphs = stored.map((row) => {
      const graph: unknown = JSON.parse(row.graph);
      return [row.number, graph];
    });
    expect(storedGraphs).toEqual([
      [1, firstGraph],
      [2, secondGraph],
    ]);
    const after = await getDb().run.findUniqueOrThrow({ where: { id: run.id } });
    expect(after.versionId).toBe(run.versionId);
  });

  it("names the version of each workflow's last run in the workflow list", async () => {
    const id = await createTwicePublishedWorkflow();
    await post(runs.POST, editor, { id }, {});
    const list = await get<{ workflows: WorkflowSummaryView[] }>(workflows.GET, viewer, {});
    const listed = list.json.workflows.find((item) => item.id === id);
    expect(listed?.lastRun).toMatchObject({ status: "queued", versionNumber: 2 });
  });

  it("lets an admin restore too, and answers 404 for an unknown version without a change", async () => {
    const id = await createTwicePublishedWorkflow();
    const before = await readDraft(id);

    const unknown = await post<{ error: { code: string } }>(restore.POST, admin, {
      id,
      number: "7",
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    expect(await readDraft(id)).toBe(before);

    const restored = await post<{ workflow: WorkflowView }>(restore.POST, admin, {
      id,
      number: "1",
    });
    expect(restored.status).toBe(200);
    expect(restored.json.workflow.draft).toEqual(firstGraph);
  });
});
