import type { RunSummaryView } from "../api/views";
import { getDb } from "../db/client";
import { runSummaryInclude, toRunSummaryView } from "./run-views";

/**
 * The workspace's newest runs, optionally of one workflow, and optionally without the single
 * steps tried from the editor, which the canvas's last-run view leaves out.
 */
export async function listRuns(
  workspaceId: string,
  filter: { workflowId?: string; limit: number; excludeStepTests?: boolean },
): Promise<RunSummaryView[]> {
  const runs = await getDb().run.findMany({
    where: {
      workspaceId,
      ...(filter.workflowId ? { workflowId: filter.workflowId } : {}),
      ...(filter.excludeStepTests ? { triggerKind: { not: "step" } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: filter.limit,
    include: runSummaryInclude,
  });
  return runs.map(toRunSummaryView);
}
