import type { WorkflowView } from "../api/views";
import { getDb } from "../db/client";
import { afterWorkflowChange } from "../ingest/inbound-workflow-cache";
import { log } from "../log";
import { toWorkflowView, workflowViewInclude } from "./workflow-view";

export type RestoreVersionResult =
  | { ok: true; workflow: WorkflowView }
  | { ok: false; reason: "workflow_not_found" | "version_not_found" };

/**
 * Copies a version's graph into the workflow's draft. Only the draft changes: nothing is
 * published, the active version and the runs pinned to versions stay as they are. Unlike a
 * save, this does not publish a live workflow's draft; the next save or activation does.
 */
export async function restoreWorkflowVersion(
  workspaceId: string,
  workflowId: string,
  number: number,
): Promise<RestoreVersionResult> {
  const result = await afterWorkflowChange(
    getDb().$transaction(async (tx): Promise<RestoreVersionResult> => {
      const workflow = await tx.workflow.findFirst({
        where: { id: workflowId, workspaceId },
        select: { id: true },
      });
      if (!workflow) return { ok: false, reason: "workflow_not_found" };
      const version = await tx.workflowVersion.findUnique({
        where: { workflowId_number: { workflowId, number } },
        select: { graph: true },
      });
      if (!version) return { ok: false, reason: "version_not_found" };

      const updated = await tx.workflow.update({
        where: { id: workflowId },
        data: { draftGraph: version.graph },
        include: workflowViewInclude,
      });
      return { ok: true, workflow: toWorkflowView(updated) };
    }),
  );

  if (result.ok) log.info({ workflowId, version: number }, "version restored into the draft");
  return result;
}
