import type { WorkflowView } from "../api/views";
import { getDb } from "../db/client";
import type { Graph } from "../workflow/graph";
import { validateGraph } from "../workflow/validate-graph";
import { retireReplacedSecrets } from "./set-workflow-active";
import { snapshotDraft } from "./snapshot-draft";
import { serializeGraph } from "./stored-graph";
import { toWorkflowView, workflowViewInclude } from "./workflow-view";
import { afterWorkflowChange } from "../ingest/inbound-workflow-cache";

/**
 * Saves the editable graph. A graph with problems is saved too, so work is never lost; it just
 * cannot go live. When the workflow is active and the new graph is valid, it is published at
 * once, which is what people expect from saving a live workflow. An active workflow whose new
 * draft has problems keeps running its last good version.
 */
export async function saveDraft(
  workspaceId: string,
  userId: string,
  id: string,
  graph: Graph,
): Promise<WorkflowView | null> {
  const draftGraph = serializeGraph(graph);
  const isValid = validateGraph(graph).length === 0;

  return afterWorkflowChange(
    getDb().$transaction(async (tx) => {
      const existing = await tx.workflow.findFirst({
        where: { id, workspaceId },
        select: { isActive: true, activeVersionId: true },
      });
      if (!existing) return null;

      let activeVersionId: string | undefined;
      if (existing.isActive && isValid) {
        activeVersionId = (await snapshotDraft(tx, { id, draftGraph }, userId)).id;
        await retireReplacedSecrets(
          tx,
          { id, activeVersionId: existing.activeVersionId },
          draftGraph,
        );
      }
      const workflow = await tx.workflow.update({
        where: { id },
        data: { draftGraph, ...(activeVersionId ? { activeVersionId } : {}) },
        include: workflowViewInclude,
      });
      return toWorkflowView(workflow);
    }),
  );
}
