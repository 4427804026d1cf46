import { getDb } from "@/lib/db/client";
import type { Graph } from "@/lib/workflow/graph";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { saveDraft } from "@/lib/workflows/save-draft";
import { activateWorkflow } from "@/lib/workflows/set-workflow-active";
import type { TestUser } from "./session";

/** Creates a workflow with `graph` and activates it; returns its id and inbound token. */
export async function createActiveWorkflow(
  user: TestUser,
  graph: Graph,
): Promise<{ id: string; token: string }> {
  const created = await createWorkflow(user.workspaceId, "Fixture");
  await saveDraft(user.workspaceId, user.id, created.id, graph);
  const activated = await activateWorkflow(user.workspaceId, user.id, created.id);
  if (!activated.ok)
    throw new Error(`fixture graph does not activate: ${JSON.stringify(activated)}`);
  const token = created.inboundPath.replace("/hooks/", "");
  return { id: created.id, token };
}

/** Counts of what ingest commits, to prove rejections commit no run or job. */
export async function countRows(): Promise<{ runs: number; jobs: number; exchanges: number }> {
  const db = getDb();
  const [runs, jobs, exchanges] = await Promise.all([
    db.run.count(),
    db.job.count(),
    db.exchange.count(),
  ]);
  return { runs, jobs, exchanges };
}
