import type { WorkflowVersionView } from "../api/views";
import { getDb } from "../db/client";
import { parseStoredGraph } from "./stored-graph";
import { toVersionSummaryView, versionSummarySelect } from "./workflow-version-view";

export type GetVersionResult =
  | { ok: true; version: WorkflowVersionView }
  | { ok: false; reason: "workflow_not_found" | "version_not_found" };

/** One version of a workflow of the workspace, by its number, with its graph. */
export async function getWorkflowVersion(
  workspaceId: string,
  workflowId: string,
  number: number,
): Promise<GetVersionResult> {
  const workflow = await getDb().workflow.findFirst({
    where: { id: workflowId, workspaceId },
    select: {
      isActive: true,
      activeVersionId: true,
      versions: { where: { number }, select: { ...versionSummarySelect, graph: true } },
    },
  });
  if (!workflow) return { ok: false, reason: "workflow_not_found" };
  const [version] = workflow.versions;
  if (!version) return { ok: false, reason: "version_not_found" };

  const summary = toVersionSummaryView(version, workflow);
  return { ok: true, version: { ...summary, graph: parseStoredGraph(version.graph) } };
}
