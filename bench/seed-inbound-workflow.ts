import { getDb } from "../lib/db/client";
import type { Graph } from "../lib/workflow/graph";
import { createWorkflow } from "../lib/workflows/create-workflow";
import { saveDraft } from "../lib/workflows/save-draft";
import { activateWorkflow } from "../lib/workflows/set-workflow-active";

/** Webhook trigger with no verification, answering 202 at once, then a Respond step. */
const inboundGraph: Graph = {
  nodes: [
    {
      id: "webhook1",
      type: "webhook-trigger",
      position: { x: 0, y: 0 },
      config: { verification: "none", responseMode: "immediate" },
    },
    {
      id: "respond1",
      type: "respond",
      position: { x: 0, y: 150 },
      config: { status: 200, headers: {}, body: '{"ok": true}' },
    },
  ],
  // A trigger must lead somewhere for the graph to go live; the runs stay queued regardless.
  edges: [{ id: "e1", source: "webhook1", target: "respond1" }],
};

/**
 * Creates, on the configured database, a workspace with one editor and one active workflow whose
 * live version starts on a Webhook trigger, through the same functions the editor's API calls.
 * Returns the inbound token.
 */
export async function seedInboundWorkflow(): Promise<string> {
  const db = getDb();
  const workspace = await db.workspace.create({ data: { name: "Benchmark" } });
  const user = await db.user.create({
    data: {
      workspaceId: workspace.id,
      name: "Benchmark editor",
      email: "bench@example.test",
      // Nobody signs in as this user; it exists because versions record who published them.
      passwordHash: "not-a-password-hash",
      role: "editor",
    },
  });
  return publishInboundWorkflow(workspace.id, user.id);
}

/**
 * Creates and publishes, in a workspace, the workflow `seedInboundWorkflow` makes, with `userId`
 * as its publisher. Returns the inbound token.
 */
export async function publishInboundWorkflow(workspaceId: string, userId: string): Promise<string> {
  const workflow = await createWorkflow(workspaceId, "Benchmark inbound");
  await saveDraft(workspaceId, userId, workflow.id, inboundGraph);
  const activated = await activateWorkflow(workspaceId, userId, workflow.id);
  if (!activated.ok) throw new Error(`The inbound graph does not go live: ${activated.reason}`);
  return workflow.inboundPath.replace("/hooks/", "");
}
