import { expect, type APIRequestContext } from "@playwright/test";
import type { WorkflowView } from "../../lib/api/views";
import type { Graph } from "../../lib/workflow/graph";

/** Creates a workflow through the API as the signed-in user of `request`, optionally live. */
export async function createWorkflowViaApi(
  request: APIRequestContext,
  name: string,
  graph: Graph,
  options: { activate: boolean },
): Promise<WorkflowView> {
  const created = await request.post("/api/workflows", { data: { name } });
  expect(created.status()).toBe(201);
  const { workflow } = (await created.json()) as { workflow: WorkflowView };
  const saved = await request.put(`/api/workflows/${workflow.id}/draft`, { data: { graph } });
  expect(saved.status()).toBe(200);
  if (!options.activate) return ((await saved.json()) as { workflow: WorkflowView }).workflow;
  const activated = await request.post(`/api/workflows/${workflow.id}/activate`);
  expect(activated.status()).toBe(200);
  return ((await activated.json()) as { workflow: WorkflowView }).workflow;
}

/** Webhook trigger → HTTP request to `url`. */
export function triggerAndCallGraph(url: string): Graph {
  return {
    nodes: [
      { id: "webhook1", type: "webhook-trigger", position: { x: 0, y: 0 }, config: {} },
      {
        id: "http1",
        type: "http-request",
        position: { x: 0, y: 160 },
        config: { method: "GET", url, headers: {}, query: {}, body: "", timeoutMs: 2000 },
      },
    ],
    edges: [{ id: "webhook1-http1", source: "webhook1", target: "http1" }],
  };
}
