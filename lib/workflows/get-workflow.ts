import type { WorkflowView } from "../api/views";
import { getDb } from "../db/client";
import { toWorkflowView, workflowViewInclude } from "./workflow-view";

/** One workflow of the workspace, or null when it does not exist there. */
export async function getWorkflow(workspaceId: string, id: string): Promise<WorkflowView | null> {
  const workflow = await getDb().workflow.findFirst({
    where: { id, workspaceId },
    include: workflowViewInclude,
  });
  return workflow ? toWorkflowView(workflow) : null;
}
