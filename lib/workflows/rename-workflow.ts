import type { WorkflowView } from "../api/views";
import { getDb } from "../db/client";
import { toWorkflowView, workflowViewInclude } from "./workflow-view";

/** Renames a workflow of the workspace; null when there is none with that id. */
export async function renameWorkflow(
  workspaceId: string,
  id: string,
  name: string,
): Promise<WorkflowView | null> {
  const { count } = await getDb().workflow.updateMany({
    where: { id, workspaceId },
    data: { name },
  });
  if (count === 0) return null;
  const workflow = await getDb().workflow.findUniqueOrThrow({
    where: { id },
    include: workflowViewInclude,
  });
  return toWorkflowView(workflow);
}
