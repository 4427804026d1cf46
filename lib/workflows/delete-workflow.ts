import { getDb } from "../db/client";
import { afterWorkflowChange } from "../ingest/inbound-workflow-cache";

/**
 * Deletes a workflow with its versions, runs and steps. Exchanges stay in the log (their
 * workflow link is kept as a plain id) so history is not rewritten by a delete.
 */
export async function deleteWorkflow(workspaceId: string, id: string): Promise<boolean> {
  const db = getDb();
  return afterWorkflowChange(
    db.$transaction(async (tx) => {
      const workflow = await tx.workflow.findFirst({
        where: { id, workspaceId },
        select: { id: true },
      });
      if (!workflow) return false;
      // The active-version pointer references a version; clear it so the cascade can remove both.
      await tx.workflow.update({ where: { id }, data: { activeVersionId: null, isActive: false } });
      const runs = await tx.run.findMany({ where: { workflowId: id }, select: { id: true } });
      await tx.job.deleteMany({ where: { subjectId: { in: runs.map((run) => run.id) } } });
      await tx.workflow.delete({ where: { id } });
      return true;
    }),
  );
}
