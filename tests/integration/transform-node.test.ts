import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startManualRun } from "@/lib/engine/start-manual-run";
import type { GraphNode } from "@/lib/workflow/graph";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { startReceiver } from "./support/receiver";
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

function node(id: string, type: string, config: Record<string, unknown>): GraphNode {
  return { id, type, position: { x: 0, y: 0 }, config };
}

async function runChain(nodes: GraphNode[], payload: unknown) {
  const edges = nodes.slice(1).map((target, index) => ({
    id: `e${index + 1}`,
    source: nodes[index]?.id ?? "",
    target: target.id,
  }));
  const workflow = await createWorkflow(editor.workspaceId, "Reshape");
  await saveDraft(editor.workspaceId, editor.id, workflow.id, { nodes, edges });
  const started = await startManualRun(editor.workspaceId, editor.id, workflow.id, payload);
  if (!started.ok) throw new Error(`manual run not started: ${started.reason}`);
  return eventually(() =>
    getDb().run.findFirst({
      where: { id: started.runId, status: { in: ["succeeded", "failed"] } },
      include: { steps: { orderBy: { position: "asc" } } },
    }),
  );
}

describe("a Transform", () => {
  it("reshapes the trigger data into an output that a later HTTP request sends", async () => {
    const api = await startReceiver(() => ({ status: 200, body: "{}" }));
    cleanups.push(() => api.close());
    const worker = startTestWorker();
    cleanups.push(() => worker.stop(10_000));

    const run = await runChain(
      [
        node("manual1", "manual-trigger", {}),
        node("transform1", "transform", {
          expression:
            '{ "order": trigger.body.id, "skus": trigger.body.lines.sku, ' +
            '"total": $sum(trigger.body.lines.(qty * price)) }',
        }),
        node("http1", "http-request", {
          method: "POST",
          url: `${api.url}/orders/{{steps.transform1.order}}`,
          body: '{"summary": "{{steps.transform1}}"}',
        }),
      ],
      {
        id: "A-9",
        lines: [
          { sku: "tea", qty: 2, price: 4 },
          { sku: "cup", qty: 1, price: 6.5 },
        ],
      },
    );

    expect(run.status).toBe("succeeded");
    expect(JSON.parse(run.steps[1]?.output ?? "null")).toEqual({
      order: "A-9",
      skus: ["tea", "cup"],
      total: 14.5,
    });
    expect(api.requests.map((request) => [request.url, request.body])).toEqual([
      ["/orders/A-9", '{"summary":{"order":"A-9","skus":["tea","cup"],"total":14.5}}'],
    ]);
  });

  it("fails the run with the expression's error and sends nothing after it", async () => {
    const api = await startReceiver(() => ({ status: 200, body: "{}" }));
    cleanups.push(() => api.close());
    const worker = startTestWorker();
    cleanups.push(() => worker.stop(10_000));

    const run = await runChain(
      [
        node("manual1", "manual-trigger", {}),
        node("transform1", "transform", { expression: "$number(trigger.body.id)" }),
        node("http1", "http-request", { method: "GET", url: `${api.url}/never` }),
      ],
      { id: "not a number" },
    );

    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/^transform1: The expression failed: .*number/i);
    expect(api.requests).toHaveLength(0);
  });
});
