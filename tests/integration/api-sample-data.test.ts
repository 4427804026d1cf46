import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as listenRoute from "@/app/api/workflows/[id]/test-event/listen/route";
import * as sampleDataRoute from "@/app/api/workflows/[id]/sample-data/route";
import { getDb } from "@/lib/db/client";
import type { Worker } from "@/lib/queue/worker";
import type { SampleDataView } from "@/lib/workflows/read-sample-data";
import { createInboundWorkflow } from "./support/inbound-fixtures";
import { eventually, startTestWorker } from "./support/run-worker";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";
import { routeHandlerWayIn } from "./support/ways-in";

let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
const workers: Worker[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
  viewer = await createTestUser("viewer", editor.workspaceId);
  outsider = await createTestUser("editor");
});

afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop(5000);
});

const way = routeHandlerWayIn();

function readSampleData(id: string, user: TestUser | null): Promise<Response> {
  const path = `/api/workflows/${id}/sample-data`;
  const request = user ? apiRequest("GET", path, { user }) : new Request(`http://localhost${path}`);
  return sampleDataRoute.GET(request, routeParams({ id }));
}

async function sampleDataOf(id: string, user: TestUser): Promise<SampleDataView> {
  const response = await readSampleData(id, user);
  expect(response.status).toBe(200);
  return ((await response.json()) as { sampleData: SampleDataView }).sampleData;
}

describe("the sample data API", () => {
  it("answers nothing for a workflow that has neither captured a request nor run", async () => {
    const workflow = await createInboundWorkflow(editor);
    expect(await sampleDataOf(workflow.id, viewer)).toEqual({ testEvent: null, lastRun: null });
  });

  it("answers the captured request as trigger data and the last run's step outputs", async () => {
    const workflow = await createInboundWorkflow(editor);
    const listen = await listenRoute.POST(
      apiRequest("POST", `/api/workflows/${workflow.id}/test-event/listen`, { user: editor }),
      routeParams({ id: workflow.id }),
    );
    expect(listen.status).toBe(200);
    const captured = await way.send(`/hooks/${workflow.token}/test?source=shop`, {
      headers: { "content-type": "application/json", authorization: "Bearer hidden-token" },
      body: JSON.stringify({ order: { id: "T-7" } }),
    });
    expect(captured.status).toBe(200);

    const first = await way.send(`/hooks/${workflow.token}`, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ order: { id: "R-1" } }),
    });
    expect(first.status).toBe(202);
    workers.push(startTestWorker());
    await eventually(async () => {
      const run = await getDb().run.findFirst({ where: { workflowId: workflow.id } });
      return run?.status === "succeeded";
    });

    const sampleData = await sampleDataOf(workflow.id, viewer);
    expect(sampleData.testEvent?.triggerData).toMatchObject({
      method: "POST",
      query: { source: "shop" },
      body: { order: { id: "T-7" } },
      headers: { authorization: "[redacted]" },
    });
    expect(sampleData.lastRun).toMatchObject({
      status: "succeeded",
      triggerData: { body: { order: { id: "R-1" } } },
      stepOutputs: {
        webhook1: { body: { order: { id: "R-1" } } },
        respond1: { status: 201 },
      },
    });
  });

  it("picks the newest started run", async () => {
    const workflow = await createInboundWorkflow(editor);
    workers.push(startTestWorker());
    for (const id of ["R-1", "R-2"]) {
      const sent = await way.send(`/hooks/${workflow.token}`, {
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ order: { id } }),
      });
      expect(sent.status).toBe(202);
      await eventually(async () => {
        const runs = await getDb().run.findMany({ where: { workflowId: workflow.id } });
        return runs.every((run) => run.status === "succeeded");
      });
    }
    const { lastRun } = await sampleDataOf(workflow.id, editor);
    expect(lastRun?.triggerData).toMatchObject({ body: { order: { id: "R-2" } } });
  });

  it("keeps other workspaces' workflows out of reach and needs a session", async () => {
    const workflow = await createInboundWorkflow(editor);
    const foreign = await readSampleData(workflow.id, outsider);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: "not_found" } });
    const anonymous = await readSampleData(workflow.id, null);
    expect(anonymous.status).toBe(401);
  });
});
