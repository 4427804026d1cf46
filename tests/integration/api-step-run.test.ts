import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as runsRoute from "@/app/api/runs/route";
import * as sampleDataRoute from "@/app/api/workflows/[id]/sample-data/route";
import * as stepRunRoute from "@/app/api/workflows/[id]/steps/[nodeId]/run/route";
import { getDb } from "@/lib/db/client";
import { startManualRun } from "@/lib/engine/start-manual-run";
import type { Worker } from "@/lib/queue/worker";
import type { GraphNode } from "@/lib/workflow/graph";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import type { SampleDataView } from "@/lib/workflows/read-sample-data";
import { saveDraft } from "@/lib/workflows/save-draft";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually, startTestWorker } from "./support/run-worker";
import { apiRequest, createTestUser, routeParams, type TestUser } from "./support/session";

let editor: TestUser;
let viewer: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
  viewer = await createTestUser("viewer", editor.workspaceId);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function node(id: string, type: string, config: Record<string, unknown>): GraphNode {
  return { id, type, position: { x: 0, y: 0 }, config };
}

/** Manual trigger → Transform → HTTP request to `receiver`, saved as a draft. */
async function chainWorkflow(receiver: Receiver, extraNodes: GraphNode[] = []) {
  const nodes = [
    node("manual1", "manual-trigger", {}),
    node("shape1", "transform", {
      expression: '{ "id": trigger.body.order, "total": $sum(trigger.body.lines) }',
    }),
    node("call1", "http-request", {
      method: "POST",
      url: `${receiver.url}/orders`,
      body: '{"order": "{{steps.shape1.id}}", "total": {{steps.shape1.total}}}',
    }),
    ...extraNodes,
  ];
  const edges = [
    { id: "e1", source: "manual1", target: "shape1" },
    { id: "e2", source: "shape1", target: "call1" },
  ];
  const workflow = await createWorkflow(editor.workspaceId, "Try one step");
  await saveDraft(editor.workspaceId, editor.id, workflow.id, { nodes, edges });
  return workflow;
}

function postStepRun(workflowId: string, nodeId: string, body: unknown, user = editor) {
  const path = `/api/workflows/${workflowId}/steps/${nodeId}/run`;
  return stepRunRoute.POST(
    apiRequest("POST", path, { user, body }),
    routeParams({ id: workflowId, nodeId }),
  );
}

async function finishedRun(runId: string) {
  return eventually(() =>
    getDb().run.findFirst({
      where: { id: runId, status: { in: ["succeeded", "failed"] } },
      include: { steps: true },
    }),
  );
}

function startWorker(): void {
  const worker: Worker = startTestWorker();
  cleanups.push(() => worker.stop(5000));
}

describe("trying a single step", () => {
  it("runs only that step, with the given input, and records its call in the log", async () => {
    const receiver = await startReceiver(() => ({ status: 201, body: '{"accepted":true}' }));
    cleanups.push(() => receiver.close());
    const workflow = await chainWorkflow(receiver);
    startWorker();

    const response = await postStepRun(workflow.id, "call1", {
      input: {
        trigger: { body: { order: "ignored" } },
        steps: { shape1: { id: "A-9", total: 12 } },
      },
    });
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };

    const run = await finishedRun(runId);
    expect(run.status).toBe("succeeded");
    expect(run.triggerKind).toBe("step");
    expect(run.steps.map((step) => [step.nodeId, step.status])).toEqual([["call1", "succeeded"]]);
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({ order: "A-9", total: 12 });
    const exchanges = await getDb().exchange.findMany({ where: { runId } });
    expect(exchanges.map((exchange) => [exchange.kind, exchange.responseStatus])).toEqual([
      ["api_call", 201],
    ]);
  });

  it("takes the last run's outputs when no input is given, and stays out of the canvas's last run", async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "{}" }));
    cleanups.push(() => receiver.close());
    const workflow = await chainWorkflow(receiver);
    startWorker();
    const manual = await startManualRun(editor.workspaceId, editor.id, workflow.id, {
      order: "B-2",
      lines: [5, 6],
    });
    if (!manual.ok) throw new Error(`manual run not started: ${manual.reason}`);
    expect((await finishedRun(manual.runId)).status).toBe("succeeded");

    const response = await postStepRun(workflow.id, "call1", {});
    expect(response.status).toBe(202);
    const { runId } = (await response.json()) as { runId: string };
    expect((await finishedRun(runId)).status).toBe("succeeded");
    expect(receiver.requests.map((request) => JSON.parse(request.body) as unknown)).toEqual([
      { order: "B-2", total: 11 },
      { order: "B-2", total: 11 },
    ]);

    const sample = (await (
      await sampleDataRoute.GET(
        apiRequest("GET", `/api/workflows/${workflow.id}/sample-data`, { user: viewer }),
        routeParams({ id: workflow.id }),
      )
    ).json()) as { sampleData: SampleDataView };
    expect(sample.sampleData.lastRun?.id).toBe(manual.runId);

    const listed = async (stepTests: string) => {
      const search = new URLSearchParams({ workflowId: workflow.id, limit: "1", stepTests });
      const answer = await runsRoute.GET(
        apiRequest("GET", `/api/runs?${search}`, { user: viewer }),
        routeParams({}),
      );
      return ((await answer.json()) as { runs: { id: string }[] }).runs.map((run) => run.id);
    };
    expect(await listed("include")).toEqual([runId]);
    expect(await listed("exclude")).toEqual([manual.runId]);
  });

  it("fails the step run with the step's error, and runs nothing after it", async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "{}" }));
    cleanups.push(() => receiver.close());
    const workflow = await chainWorkflow(receiver);
    startWorker();

    const response = await postStepRun(workflow.id, "shape1", {
      input: { trigger: { body: { order: "C-3", lines: "not numbers" } } },
    });
    const { runId } = (await response.json()) as { runId: string };
    const run = await finishedRun(runId);
    expect(run.status).toBe("failed");
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0]).toMatchObject({ nodeId: "shape1", status: "failed" });
    expect(run.steps[0]!.error).toBeTruthy();
    expect(receiver.requests).toHaveLength(0);
  });

  it("refuses triggers, unknown nodes, a step with problems, viewers and bad input", async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "{}" }));
    cleanups.push(() => receiver.close());
    // A second, unconnected HTTP request with no URL: a problem of its own, not of call1's.
    const workflow = await chainWorkflow(receiver, [
      node("broken1", "http-request", { method: "GET", url: "" }),
    ]);
    const runsBefore = await getDb().run.count({ where: { workflowId: workflow.id } });

    const trigger = await postStepRun(workflow.id, "manual1", {});
    expect(trigger.status).toBe(400);
    expect(await trigger.json()).toMatchObject({ error: { code: "validation_failed" } });

    const missing = await postStepRun(workflow.id, "nope1", {});
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });

    const broken = await postStepRun(workflow.id, "broken1", {});
    expect(broken.status).toBe(422);
    const brokenBody = (await broken.json()) as {
      error: { code: string; details: { problems: { nodeId?: string }[] } };
    };
    expect(brokenBody.error.code).toBe("graph_invalid");
    expect(brokenBody.error.details.problems.every((p) => p.nodeId === "broken1")).toBe(true);

    const asViewer = await postStepRun(workflow.id, "call1", {}, viewer);
    expect(asViewer.status).toBe(403);

    const badInput = await postStepRun(workflow.id, "call1", { input: { steps: [1, 2] } });
    expect(badInput.status).toBe(400);
    expect(await badInput.json()).toMatchObject({ error: { code: "validation_failed" } });

    expect(await getDb().run.count({ where: { workflowId: workflow.id } })).toBe(runsBefore);

    // The rest of the draft being unfinished does not stop a step that is fine.
    const fine = await postStepRun(workflow.id, "shape1", {
      input: { trigger: { body: { order: "D-4", lines: [1] } }, steps: {} },
    });
    expect(fine.status).toBe(202);
  });
});
