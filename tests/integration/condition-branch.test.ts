import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startManualRun } from "@/lib/engine/start-manual-run";
import type { Graph, GraphNode } from "@/lib/workflow/graph";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { startReceiver, type Receiver } from "./support/receiver";
import { eventually, startTestWorker } from "./support/run-worker";
import { createTestUser, type TestUser } from "./support/session";

let editor: TestUser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  editor = await createTestUser("editor");
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(): Promise<Receiver> {
  const started = await startReceiver(() => ({ status: 200, body: '{"ok":true}' }));
  cleanups.push(() => started.close());
  return started;
}

function node(id: string, type: string, config: Record<string, unknown>): GraphNode {
  return { id, type, position: { x: 0, y: 0 }, config };
}

function post(id: string, url: string): GraphNode {
  return node(id, "http-request", {
    method: "POST",
    url,
    body: '{"order": "{{trigger.body.id}}"}',
  });
}

/** manual1 → if1 (total > 100) → big on true, small on false → after1 behind small only. */
function branchingGraph(bigUrl: string, smallUrl: string): Graph {
  return {
    nodes: [
      node("manual1", "manual-trigger", {}),
      node("if1", "condition", {
        combine: "all",
        rules: [{ left: "{{trigger.body.total}}", operator: "greater_than", right: "100" }],
      }),
      post("big", `${bigUrl}/big`),
      post("small", `${smallUrl}/small`),
      post("after1", `${smallUrl}/after?result={{steps.if1.result}}`),
    ],
    edges: [
      { id: "e1", source: "manual1", target: "if1" },
      { id: "e2", source: "if1", target: "big", sourceHandle: "true" },
      { id: "e3", source: "if1", target: "small", sourceHandle: "false" },
      { id: "e4", source: "small", target: "after1" },
    ],
  };
}

async function runToEnd(workflowId: string, payload: unknown) {
  const started = await startManualRun(editor.workspaceId, editor.id, workflowId, payload);
  if (!started.ok) throw new Error(`manual run not started: ${started.reason}`);
  return eventually(() =>
    getDb().run.findFirst({
      where: { id: started.runId, status: { in: ["succeeded", "failed"] } },
      include: { steps: { orderBy: { position: "asc" } } },
    }),
  );
}

describe("a Condition", () => {
  it("runs only the taken branch and records the other branch's steps as skipped", async () => {
    const big = await receiver();
    const small = await receiver();
    const workflow = await createWorkflow(editor.workspaceId, "Branches");
    await saveDraft(editor.workspaceId, editor.id, workflow.id, branchingGraph(big.url, small.url));
    const worker = startTestWorker();
    cleanups.push(() => worker.stop(10_000));

    const large = await runToEnd(workflow.id, { id: "A-1", total: 250 });
    const modest = await runToEnd(workflow.id, { id: "A-2", total: 40 });

    expect(big.requests.map((request) => [request.url, request.body])).toEqual([
      ["/big", '{"order":"A-1"}'],
    ]);
    expect(small.requests.map((request) => [request.url, request.body])).toEqual([
      ["/small", '{"order":"A-2"}'],
      ["/after?result=false", '{"order":"A-2"}'],
    ]);

    expect(large.status).toBe("succeeded");
    expect(large.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ["manual1", "succeeded"],
      ["if1", "succeeded"],
      ["big", "succeeded"],
      ["small", "skipped"],
      ["after1", "skipped"],
    ]);
    expect(JSON.parse(large.steps[1]?.output ?? "null")).toEqual({
      result: true,
      rules: [{ left: "250", operator: "greater_than", right: "100", result: true }],
    });
    expect(modest.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ["manual1", "succeeded"],
      ["if1", "succeeded"],
      ["big", "skipped"],
      ["small", "succeeded"],
      ["after1", "succeeded"],
    ]);
  });
});
