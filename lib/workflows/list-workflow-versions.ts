import type { WorkflowVersionSummaryView } from "../api/views";
import { getDb } from "../db/client";
import { toVersionSummaryView, versionSummarySelect } from "./workflow-version-view";

/**
 * Every version of a workflow of the workspace, newest first, without their graphs; null when
 * the workflow is not in the workspace.
 */
export async function listWorkflowVersions(
  workspaceId: string,
  workflowId: string,
): Promise<WorkflowVersionSummaryView[] | null> {
  const workflow = await getDb().workflow.findFirst({
    where: { id: workflowId, workspaceId },
    select: {
      isActive: true,
      activeVersionId: true,
      versions: { orderBy: { number: "desc" }, select: versionSummarySelect },
    },
  });
  if (!workflow) return null;
  return workflow.versions.map((version) => toVersionSummaryView(version, workflow));
}
