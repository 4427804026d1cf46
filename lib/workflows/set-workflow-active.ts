import type { WorkflowView } from "../api/views";
import { getDb } from "../db/client";
import { validateGraph, type GraphProblem } from "../workflow/validate-graph";
import { snapshotDraft } from "./snapshot-draft";
import { parseStoredGraph } from "./stored-graph";
import { toWorkflowView, workflowViewInclude } from "./workflow-view";

export type ActivateResult =
  | { ok: true; workflow: WorkflowView }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "graph_invalid"; problems: GraphProblem[] };

/** Publishes the draft as a version and makes the inbound URL live. Refused while it has problems. */
export async function activateWorkflow(
  workspaceId: string,
  userId: string,
  id: string,
): Promise<ActivateResult> {
  return getDb().$transaction(async (tx) => {
    const workflow = await tx.workflow.findFirst({ where: { id, workspaceId } });
    if (!workflow) return { ok: false, reason: "not_found" } as const;

    const problems = validateGraph(parseStoredGraph(workflow.draftGraph));
    if (problems.length > 0) return { ok: false, reason: "graph_invalid", problems } as const;

    const version = await snapshotDraft(tx, workflow, userId);
    const updated = await tx.workflow.update({
      where: { id },
      data: { isActive: true, activeVersionId: version.id },
      include: workflowViewInclude,
    });
    return { ok: true, workflow: toWorkflowView(updated) } as const;
  });
}

/** Takes the inbound URL offline. Runs already accepted still finish. */
export async function deactivateWorkflow(
  workspaceId: string,
  id: string,
): Promise<WorkflowView | null> {
  const { count } = await getDb().workflow.updateMany({
    where: { id, workspaceId },
    data: { isActive: false },
  });
  if (count === 0) return null;
  const workflow = await getDb().workflow.findUniqueOrThrow({
    where: { id },
    include: workflowViewInclude,
  });
  return toWorkflowView(workflow);
}
