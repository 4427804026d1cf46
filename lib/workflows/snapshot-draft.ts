import type { Tx } from "../db/client";

/**
 * Returns an immutable version holding the workflow's current draft: the newest version when it
 * already holds exactly this graph, otherwise a new one. Publishing and manual runs both pin
 * what they run to such a snapshot, so later edits never change a run in flight.
 */
export async function snapshotDraft(
  tx: Tx,
  workflow: { id: string; draftGraph: string },
  userId: string | null,
): Promise<{ id: string; number: number }> {
  const latest = await tx.workflowVersion.findFirst({
    where: { workflowId: workflow.id },
    orderBy: { number: "desc" },
    select: { id: true, number: true, graph: true },
  });
  if (latest && latest.graph === workflow.draftGraph) return latest;

  return tx.workflowVersion.create({
    data: {
      workflowId: workflow.id,
      number: (latest?.number ?? 0) + 1,
      graph: workflow.draftGraph,
      createdById: userId,
    },
    select: { id: true, number: true },
  });
}
